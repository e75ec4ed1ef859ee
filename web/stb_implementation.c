// The stb functions Medius calls (PNG writing and reading, TrueType), compiled into the page from
// Debian's libstb-dev headers. The native build links Debian's libstb, which holds the same code.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#include <stb/stb_truetype.h>

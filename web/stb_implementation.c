// The stb functions Medius calls (PNG writing and reading, TrueType with its rectangle packer),
// compiled into the page from Debian's libstb-dev headers. The native build links Debian's
// libstb, which holds the same code; stb_truetype packs glyphs with stb_rect_pack when it is
// there (as in libstb) and with a much looser packer otherwise, where the label font no longer fits.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_RECT_PACK_IMPLEMENTATION
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_image.h>
#include <stb/stb_image_write.h>
#include <stb/stb_rect_pack.h>
#include <stb/stb_truetype.h>

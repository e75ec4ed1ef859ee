#include "render/shader_log.h"

#include <gtest/gtest.h>

namespace medius::render {
namespace {

constexpr std::string_view kSource = "in vec3 n;\nout vec4 c;\nvoid main() { c = vec4(m, 1.0); }\n";

TEST(ShaderLog, MesaMessagesNameTheFileTheLineAndShowIt) {
  const std::string text = describeShaderLog("mesh.frag.glsl", kSource, "0:3(25): error: `m' undeclared\n");
  EXPECT_EQ(text, "mesh.frag.glsl:3: error: `m' undeclared\n    void main() { c = vec4(m, 1.0); }\n");
}

TEST(ShaderLog, NvidiaMessagesToo) {
  const std::string text = describeShaderLog("mesh.frag.glsl", kSource, "0(3) : error C1008: undefined variable \"m\"\n");
  EXPECT_EQ(text, "mesh.frag.glsl:3: error C1008: undefined variable \"m\"\n    void main() { c = vec4(m, 1.0); }\n");
}

TEST(ShaderLog, LinesWithoutAPositionKeepTheFileName) {
  EXPECT_EQ(describeShaderLog("a.glsl", kSource, "link failed\n"), "a.glsl: link failed\n");
}

}  // namespace
}  // namespace medius::render

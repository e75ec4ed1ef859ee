// Numbers in messages: the shortest text that reads back to the value, floats printed as floats.
#include "core/number_text.h"

#include <gtest/gtest.h>

namespace medius {
namespace {

TEST(NumberText, FloatsAreNotPrintedThroughTheirDouble) {
  EXPECT_EQ(core::shortestText(1e-4f), "0.0001");
  EXPECT_EQ(core::shortestText(1e4f), "10000");
  EXPECT_EQ(core::shortestText(1.2f), "1.2");
  EXPECT_EQ(core::nearestDouble(1.2f), 1.2);
}

TEST(NumberText, DoublesAreShortest) {
  EXPECT_EQ(core::shortestText(150.0), "150");
  EXPECT_EQ(core::shortestText(0.1), "0.1");
  EXPECT_EQ(core::shortestText(-2.5), "-2.5");
  EXPECT_EQ(core::shortestText(0.0), "0");
  EXPECT_EQ(core::shortestText(1e-9), "1e-09");
  EXPECT_EQ(core::shortestText(1e20), "1e+20");
}

}  // namespace
}  // namespace medius

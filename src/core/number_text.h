#pragma once
// Numbers in messages as a person wrote them: the shortest text that reads back to the same value
// ("0.0001", not "9.999999747378752e-05" from a float widened to double, nor "0.000100" from
// std::to_string). A float is printed as a float.
#include <string>

namespace medius::core {

std::string shortestText(double value);
std::string shortestText(float value);
// The double a person means by a float: the one its shortest text reads as (1.2f gives 1.2).
double nearestDouble(float value);

}  // namespace medius::core

#pragma once
#include "anatomy/model.h"

#include <filesystem>
#include <optional>

namespace medius::app {

// The model the user asked for, or the built-in hip model. Throws InputError.
anatomy::Model loadChosenModel(const std::optional<std::filesystem::path>& requested);

}  // namespace medius::app

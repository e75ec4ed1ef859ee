#pragma once
// Reads the `joints` array of a model description (docs/FORMATS.md) into Model::joints.
#include "anatomy/json_fields.h"
#include "anatomy/model.h"

#include <set>
#include <string>

namespace medius::anatomy {

// Throws InputError naming the field, e.g. "joints[1].dofs[2].range_deg: expected [min, max]
// with min <= default_deg <= max". A model without `joints` gets none.
void readJoints(const JsonFields& root, const std::set<std::string>& segmentIds, Model& model);

}  // namespace medius::anatomy

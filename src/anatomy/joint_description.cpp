#include "anatomy/joint_description.h"

#include <glm/geometric.hpp>

namespace medius::anatomy {
namespace {

std::string segmentField(const JsonFields& fields, const std::string& key, const std::set<std::string>& segmentIds) {
  const std::string id = fields.string(key);
  if (!segmentIds.count(id)) fields.fail(key, "'" + id + "' is not a segment of the model");
  return id;
}

JointDof parseDof(const JsonFields& fields) {
  JointDof dof;
  dof.id = fields.string("id");
  const glm::vec3 axis = fields.vec3("axis");
  const float length = glm::length(axis);
  if (!(length > 1e-6f)) fields.fail("axis", "expected a non-zero direction");
  dof.axis = axis / length;
  const nlohmann::json& range = fields.array("range_deg");
  if (range.size() != 2 || !range[0].is_number() || !range[1].is_number())
    fields.fail("range_deg", "expected two numbers [min, max] in degrees");
  dof.minDegrees = range[0].get<double>();
  dof.maxDegrees = range[1].get<double>();
  if (!(dof.minDegrees <= dof.maxDegrees)) fields.fail("range_deg", "the minimum is above the maximum");
  dof.defaultDegrees = fields.has("default_deg") ? fields.number("default_deg") : 0.0;
  if (dof.defaultDegrees < dof.minDegrees || dof.defaultDegrees > dof.maxDegrees) fields.fail("default_deg", "outside range_deg");
  return dof;
}

}  // namespace

void readJoints(const JsonFields& root, const std::set<std::string>& segmentIds, Model& model) {
  if (!root.has("joints")) return;
  const nlohmann::json& joints = root.array("joints");
  std::set<std::string> jointIds;
  for (std::size_t i = 0; i < joints.size(); ++i) {
    const JsonFields fields = root.element(joints, i, "joints");
    Joint joint;
    joint.id = fields.string("id");
    if (!jointIds.insert(joint.id).second) fields.fail("id", "'" + joint.id + "' is listed twice");
    joint.parent = segmentField(fields, "parent", segmentIds);
    joint.child = segmentField(fields, "child", segmentIds);
    if (joint.parent == joint.child) fields.fail("child", "a joint cannot join a segment to itself");
    joint.centreInParent = fields.vec3("centre_in_parent");
    joint.centreInChild = fields.vec3("centre_in_child");
    const nlohmann::json& dofs = fields.array("dofs");
    std::set<std::string> dofIds;
    for (std::size_t d = 0; d < dofs.size(); ++d) {
      const JsonFields dofFields = fields.element(dofs, d, "dofs");
      JointDof dof = parseDof(dofFields);
      if (!dofIds.insert(dof.id).second) dofFields.fail("id", "'" + dof.id + "' is listed twice");
      joint.dofs.push_back(std::move(dof));
    }
    model.joints.push_back(std::move(joint));
  }
}

}  // namespace medius::anatomy

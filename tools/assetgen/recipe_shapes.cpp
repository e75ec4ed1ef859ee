#include "recipe_shapes.h"

#include "core/error.h"

#include <algorithm>
#include <cmath>

namespace medius::assetgen {

RecipeShapes::RecipeShapes(const LandmarkSet& landmarks, std::string file) : landmarks_(landmarks), file_(std::move(file)) {}

// Marks a name as being evaluated while in scope; a name met again inside its own evaluation is a cycle.
class RecipeShapes::Guard {
 public:
  Guard(std::vector<std::string>& stack, const std::string& name, const std::string& path, const RecipeShapes& shapes)
      : stack_(stack) {
    if (std::find(stack.begin(), stack.end(), name) != stack.end())
      shapes.fail(path, "\"" + name + "\" is defined through itself");
    stack_.push_back(name);
  }
  ~Guard() { stack_.pop_back(); }
  Guard(const Guard&) = delete;
  Guard& operator=(const Guard&) = delete;

 private:
  std::vector<std::string>& stack_;
};

void RecipeShapes::fail(const std::string& path, const std::string& what) const {
  throw InputError(file_ + ": " + path + ": " + what);
}

void RecipeShapes::checkKeys(const nlohmann::json& object, std::initializer_list<const char*> allowed,
                             const std::string& path) const {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) fail(path + "." + key, "unknown field");
  }
}

glm::vec3 RecipeShapes::vec3(const nlohmann::json& value, const std::string& path) const {
  if (!value.is_array() || value.size() != 3) fail(path, "expected an array of 3 numbers");
  glm::vec3 v;
  for (int i = 0; i < 3; ++i) {
    const nlohmann::json& c = value[static_cast<std::size_t>(i)];
    if (!c.is_number() || !std::isfinite(c.get<double>())) fail(path, "expected an array of 3 finite numbers");
    v[i] = c.get<float>();
  }
  return v;
}

glm::vec3 RecipeShapes::namedPoint(const std::string& name, const std::string& path) const {
  if (const auto it = points_.find(name); it != points_.end()) {
    const Guard guard(evaluating_, name, path, *this);
    return point(it->second.expression, it->second.path);
  }
  const Landmark* l = landmarks_.find(name);
  if (!l) fail(path, "no point or landmark named \"" + name + "\"");
  if (l->kind != "point" && l->kind != "sphere") fail(path, "landmark \"" + name + "\" is a " + l->kind + ", not a point");
  return l->points[0];
}

std::vector<glm::vec3> RecipeShapes::namedCurve(const std::string& name, const std::string& path) const {
  if (const auto it = curves_.find(name); it != curves_.end()) {
    const Guard guard(evaluating_, name, path, *this);
    std::vector<glm::vec3> c = curve(it->second.expression, it->second.path);
    if (c.size() < 2) fail(it->second.path, "a curve needs two or more points, this one has " + std::to_string(c.size()));
    return c;
  }
  const Landmark* l = landmarks_.find(name);
  if (!l) fail(path, "no curve or landmark named \"" + name + "\"");
  if (l->kind != "curve") fail(path, "landmark \"" + name + "\" is a " + l->kind + ", not a curve");
  return l->points;
}

namespace {
// An index into a list of `size` entries; negative counts from the end. -1 when out of range.
long resolvedIndex(const nlohmann::json& value, std::size_t size) {
  if (!value.is_number_integer()) return -1;
  const long i = value.get<long>();
  const long n = static_cast<long>(size);
  const long r = i < 0 ? n + i : i;
  return r >= 0 && r < n ? r : -1;
}
}  // namespace

glm::vec3 RecipeShapes::point(const nlohmann::json& e, const std::string& path) const {
  if (e.is_array()) return vec3(e, path);
  if (e.is_string()) return namedPoint(e.get<std::string>(), path);
  if (!e.is_object()) fail(path, "expected a point: [x, y, z], a name or an object");
  glm::vec3 p;
  if (e.contains("point")) {
    checkKeys(e, {"point", "offset"}, path);
    p = point(e["point"], path + ".point");
  } else if (e.contains("mix")) {
    checkKeys(e, {"mix", "t", "offset"}, path);
    const nlohmann::json& pair = e["mix"];
    if (!pair.is_array() || pair.size() != 2) fail(path + ".mix", "expected two points");
    if (!e.contains("t") || !e["t"].is_number()) fail(path + ".t", "expected a number");
    p = glm::mix(point(pair[0], path + ".mix[0]"), point(pair[1], path + ".mix[1]"), e["t"].get<float>());
  } else if (e.contains("curve") && e.contains("index")) {
    checkKeys(e, {"curve", "index", "offset"}, path);
    const std::vector<glm::vec3> c = curve(e["curve"], path + ".curve");
    const long i = resolvedIndex(e["index"], c.size());
    if (i < 0) fail(path + ".index", "expected an integer index into a curve of " + std::to_string(c.size()) + " points");
    p = c[static_cast<std::size_t>(i)];
  } else {
    fail(path, "expected \"point\", \"mix\" or \"curve\" with \"index\"");
  }
  if (e.contains("offset")) p = p + vec3(e["offset"], path + ".offset");
  return p;
}

std::vector<glm::vec3> RecipeShapes::piece(const nlohmann::json& e, const std::string& path) const {
  checkKeys(e, {"curve", "from", "to", "x_below", "x_above", "profile_offsets", "offset"}, path);
  const std::vector<glm::vec3> source = curve(e["curve"], path + ".curve");
  const long from = e.contains("from") ? resolvedIndex(e["from"], source.size()) : 0;
  const long to = e.contains("to") ? resolvedIndex(e["to"], source.size()) : static_cast<long>(source.size()) - 1;
  if (from < 0) fail(path + ".from", "expected an integer index into a curve of " + std::to_string(source.size()) + " points");
  if (to < 0) fail(path + ".to", "expected an integer index into a curve of " + std::to_string(source.size()) + " points");
  const bool below = e.contains("x_below"), above = e.contains("x_above");
  const float xBelow = below ? point(e["x_below"], path + ".x_below").x : 0.0f;
  const float xAbove = above ? point(e["x_above"], path + ".x_above").x : 0.0f;
  struct ProfileTerm {
    std::vector<float> values;
    glm::vec3 scale;
  };
  std::vector<ProfileTerm> profiles;
  if (e.contains("profile_offsets")) {
    const nlohmann::json& list = e["profile_offsets"];
    if (!list.is_array()) fail(path + ".profile_offsets", "expected an array");
    for (std::size_t k = 0; k < list.size(); ++k) {
      const std::string at = path + ".profile_offsets[" + std::to_string(k) + "]";
      const nlohmann::json& term = list[k];
      if (!term.is_object() || !term.contains("profile") || !term["profile"].is_string())
        fail(at, "expected {\"profile\": name, \"scale\": [sx, sy, sz]}");
      checkKeys(term, {"profile", "scale"}, at);
      const std::string name = term["profile"].get<std::string>();
      const Landmark* l = landmarks_.find(name);
      if (!l || l->kind != "profile") fail(at + ".profile", "no profile landmark named \"" + name + "\"");
      if (l->values.size() != source.size())
        fail(at + ".profile", "\"" + name + "\" has " + std::to_string(l->values.size()) + " values, the curve " +
                                  std::to_string(source.size()) + " points");
      profiles.push_back({l->values, vec3(term.contains("scale") ? term["scale"] : nlohmann::json(), at + ".scale")});
    }
  }
  const bool offset = e.contains("offset");
  const glm::vec3 by = offset ? vec3(e["offset"], path + ".offset") : glm::vec3(0.0f);
  std::vector<glm::vec3> out;
  for (long i = from; i <= to; ++i) {
    glm::vec3 p = source[static_cast<std::size_t>(i)];
    if ((below && !(p.x < xBelow)) || (above && !(p.x > xAbove))) continue;
    if (!profiles.empty()) {
      glm::vec3 shift(0.0f);
      for (std::size_t k = 0; k < profiles.size(); ++k) {
        const glm::vec3 term = profiles[k].scale * profiles[k].values[static_cast<std::size_t>(i)];
        shift = k == 0 ? term : shift + term;
      }
      p = p + shift;
    }
    if (offset) p = p + by;
    out.push_back(p);
  }
  return out;
}

std::vector<glm::vec3> RecipeShapes::curve(const nlohmann::json& e, const std::string& path) const {
  if (e.is_string()) return namedCurve(e.get<std::string>(), path);
  if (e.is_object()) {
    if (!e.contains("curve") || e.contains("index")) fail(path, "expected a curve: a name, a piece {\"curve\": ...} or a list");
    return piece(e, path);
  }
  if (!e.is_array()) fail(path, "expected a curve: a name, a piece {\"curve\": ...} or a list");
  std::vector<glm::vec3> out;
  for (std::size_t i = 0; i < e.size(); ++i) {
    const std::string at = path + "[" + std::to_string(i) + "]";
    const nlohmann::json& item = e[i];
    if (item.is_object() && item.contains("curve") && !item.contains("index")) {
      for (const glm::vec3& p : piece(item, at)) out.push_back(p);
    } else {
      out.push_back(point(item, at));
    }
  }
  return out;
}

void RecipeShapes::define(bool isPoint, const std::string& name, const nlohmann::json& expression, const std::string& path) {
  (isPoint ? points_ : curves_)[name] = {expression, path};
}

void RecipeShapes::checkDefinitions() const {
  for (const auto& [name, definition] : points_) namedPoint(name, definition.path);
  for (const auto& [name, definition] : curves_) namedCurve(name, definition.path);
}

}  // namespace medius::assetgen

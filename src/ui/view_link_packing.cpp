#include "ui/view_link_packing.h"

#include "core/error.h"

#include <zlib.h>

#include <cstddef>

namespace medius::ui {
namespace {

// What a step's compact JSON (lessonStepToJson) is made of. DEFLATE reaches back up to 32 KiB and
// codes near matches in fewer bits, so the most common text comes last. Never edit: version 2
// links are packed with exactly these bytes (a new dictionary is a new version).
constexpr std::string_view kDictionary =
    "circumduction\",\"clamshell\",\"hip_adduction\",\"hip_extension\",\"hip_external_rotation\",\"hip_flexion\","
    "\"hip_hike\",\"hip_internal_rotation\",\"hip_rotation_flexed_90\",\"lateral_band_walk\",\"side_lying_hip_abduction\","
    "\"trendelenburg_gait\",\"single_leg_stance\",\"hip_abduction\",\"pose\":\"hip_r.flexion=hip_r.adduction=hip_r.rotation="
    "\"gluteus_minimus_tendon_l\":\"gluteus_medius_tendon_l\":\"gluteus_maximus_tendon_l\":\"gluteus_minimus_tendon_r\":"
    "\"gluteus_medius_tendon_r\":\"gluteus_maximus_tendon_r\":\"iliotibial_tract_l\":\"iliotibial_tract_r\":"
    "\"gluteus_minimus_l\":\"gluteus_medius_l\":\"gluteus_maximus_l\":\"hip_bone_l\":\"femur_l\":\"sacrum\":"
    "\"hip_bone_r\":\"femur_r\":\"gluteus_maximus_r\":\"gluteus_minimus_r\":\"gluteus_medius_r\":"
    "\"activation\":{\"mode\":\"action\",\"person\":{\"body_mass_kg\":70.0,\"height_m\":1.75,\"sex\":\"female\"},"
    "\"band\":{\"newtons\":0.0,\"anchor\":[-0.0707,-0.4901,-0.0835],\"joint\":\"hip_l\"},\"strength_percent\":{"
    "\"colour_map\":\"cividis\"},\"activation\":{\"mode\":\"load\",\"time\":0.0,\"motion\":\"highlights\":{\"attachments\":true,"
    "\"fibres\":true,\"xray\":true,\"landmarks\":true,\"labels\":true},\"structures\":{\"visible\":false,\"opacity\":0.5},"
    "\"selected\":\"caption\":\"scene_radius\":0.3},{\"title\":\"Shared view\",\"camera\":{\"target\":[-0.0,"
    "\"distance\":1.0,\"orientation\":[0.70710677,0.0,\"vertical_fov_degrees\":30.0,\"scene_radius\":0.3";

constexpr std::size_t kMostUnpacked = 64 * 1024;

}  // namespace

std::string_view viewLinkDictionary() { return kDictionary; }

std::string packViewText(std::string_view text) {
  z_stream stream{};
  if (deflateInit2(&stream, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
    throw OutputError("view link: cannot start zlib's deflate");
  std::string packed(deflateBound(&stream, static_cast<uLong>(text.size())), '\0');
  int result =
      deflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(kDictionary.data()), static_cast<uInt>(kDictionary.size()));
  if (result == Z_OK) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));  // zlib's API is not const; it only reads
    stream.avail_in = static_cast<uInt>(text.size());
    stream.next_out = reinterpret_cast<Bytef*>(packed.data());
    stream.avail_out = static_cast<uInt>(packed.size());
    result = deflate(&stream, Z_FINISH);
  }
  const std::size_t size = stream.total_out;
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw OutputError("view link: zlib's deflate failed (" + std::to_string(result) + ")");
  packed.resize(size);
  return packed;
}

std::string unpackViewText(std::string_view packed, const std::string& where) {
  z_stream stream{};
  if (inflateInit2(&stream, -15) != Z_OK) throw OutputError("view link: cannot start zlib's inflate");
  int result =
      inflateSetDictionary(&stream, reinterpret_cast<const Bytef*>(kDictionary.data()), static_cast<uInt>(kDictionary.size()));
  std::string text(kMostUnpacked + 1, '\0');  // one byte more: a view that fills it is too large
  if (result == Z_OK) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
    stream.avail_in = static_cast<uInt>(packed.size());
    stream.next_out = reinterpret_cast<Bytef*>(text.data());
    stream.avail_out = static_cast<uInt>(text.size());
    result = inflate(&stream, Z_FINISH);
  }
  const std::size_t size = stream.total_out;
  const std::size_t left = stream.avail_in;
  const std::string reason = stream.msg != nullptr ? stream.msg : "";
  inflateEnd(&stream);
  if (result == Z_STREAM_END && left != 0)
    throw InputError(where + ": the link is damaged: " + std::to_string(left) + " bytes after the end of the packed view");
  if (result == Z_STREAM_END) {
    text.resize(size);
    return text;
  }
  if (size > kMostUnpacked) throw InputError(where + ": the link unpacks to more than 64 KiB; no view is that large");
  if (result == Z_DATA_ERROR || result == Z_NEED_DICT)
    throw InputError(where + ": the link is damaged: its packed view does not unpack (" + (reason.empty() ? "bad data" : reason) +
                     ")");
  throw InputError(where + ": the link is cut off or damaged: its packed view ends early");
}

}  // namespace medius::ui

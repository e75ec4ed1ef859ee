#include "render/renderer.h"

#include "biomech/activation.h"

#include "anatomy/fibre_field.h"
#include "anatomy/teaching_landmarks.h"
#include "anatomy/tendon_part.h"
#include "core/error.h"
#include "core/log.h"
#include "core/paths.h"
#include "render/activation_legend.h"
#include "render/annotations.h"
#include "render/attachment_regions.h"
#include "render/colour_map.h"
#include "render/detail_fade.h"
#include "render/detail_governor.h"
#include "render/fibre_ribbons.h"
#include "render/gl/attachment_pass.h"
#include "render/gl/background_pass.h"
#include "render/gl/fibre_pass.h"
#include "render/gl/gl_loader.h"
#include "render/gl/id_pass.h"
#include "render/gl/id_target.h"
#include "render/gl/mesh_buffers.h"
#include "render/gl/offscreen_target.h"
#include "render/gl/opaque_pass.h"
#include "render/gl/outline_pass.h"
#include "render/gl/overlay_pass.h"
#include "render/gl/pose_textures.h"
#include "render/gl/render_pass.h"
#include "render/gl/see_through_pass.h"
#include "render/gl/shader_program.h"
#include "render/gl/structure_programs.h"
#include "render/structure_style.h"
#include "render/tiling.h"

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <unordered_map>
#include <vector>

namespace medius::render {
namespace {
constexpr float kOutlinePixels = 3.0f;
}  // namespace

struct Renderer::Impl {
  using DrawableStructure = gl::DrawableStructure;

  // A muscle's highlightable regions and its fibres at the neutral pose.
  struct MuscleGeometry {
    struct Region {
      std::size_t structure;  // the bone's record
      std::vector<std::uint32_t> vertices;
      int channel;                         // 0 origin, 1 insertion
      std::optional<RegionAnchor> anchor;  // for the label: the muscle's first region of each channel only
    };
    struct Fibre {
      FibrePolyline rest;                // the model's own points, in its compartment's colour
      std::optional<std::size_t> posed;  // its row in the pose's FibreFrames, found by muscle and compartment id
    };
    std::optional<anatomy::StructureHandle> own;  // the muscle's own structure: while it is hidden nothing of it is drawn
    std::vector<Region> regions;                  // every bone region of its origin and insertion (maximus: the sacrum too)
    std::vector<Fibre> fibres;
    std::string name;  // the muscle's display name, for its regions' labels
  };

  // The muscles of `wanted` whose own structure is shown: a hidden muscle's fibres and attachment
  // highlights are not drawn, except, with `selectedFootprint`, the attachments of the selected
  // muscle (the atlas's "muscle removed to show where it was attached").
  std::vector<std::size_t> shownMuscles(const std::vector<std::size_t>& wanted, const SceneAppearance& appearance,
                                        bool selectedFootprint = false) const {
    std::vector<std::size_t> shown;
    for (const std::size_t m : wanted) {
      if (m >= muscles.size()) continue;
      const std::optional<anatomy::StructureHandle> own = muscles[m].own;
      if (!own || appearance.of(*own).visible || (selectedFootprint && appearance.selected == own)) shown.push_back(m);
    }
    return shown;
  }

  // Per structure, in the model's order when it was given; looked up by handle (recordOf).
  std::vector<DrawableStructure> structures;
  std::unordered_map<anatomy::StructureHandle, std::size_t> recordOf;
  std::vector<std::size_t> vertexCounts;
  std::vector<std::vector<std::uint32_t>> boneTriangles;  // per structure, bones only: to smooth region edges
  std::vector<std::string> structureNames;
  // Per record: attachment regions under it show (muscles, their tendon parts, tendon sheets).
  std::vector<bool> regionsShowThrough;
  std::vector<AnnotatedLandmark> landmarks;
  std::optional<FontAtlas> font;  // labels need it; without a font they are skipped
  std::vector<MuscleGeometry> muscles;
  std::vector<std::size_t> uploadedAttachmentsOf;

  // The passes, in the order a frame draws them (render/gl/render_pass.h).
  gl::PassRunner passes;
  gl::StructurePrograms programs;
  gl::BackgroundPass backgroundPass;
  gl::OpaquePass opaquePass{programs};
  gl::SeeThroughPass seeThroughPass{programs};
  gl::AttachmentPass attachmentPass{programs};
  gl::FibrePass fibrePass{programs};
  gl::OutlinePass outlinePass{programs};
  std::optional<gl::OverlayPass> overlayPass;  // with a font
  gl::IdPass idPass{programs};

  std::optional<gl::OffscreenTarget> windowTarget;
  int windowSamples = 0;  // what the window target was asked for (it holds what the GPU allows)
  struct ImageTarget {
    int requestedSamples = 0;
    gl::OffscreenTarget target;
  };
  std::optional<ImageTarget> imageTarget;  // prepareImageTarget's, kept
  std::optional<gl::IdTarget> pickTarget;  // 1x1
  glm::mat4 lastViewProjection{1.0f};
#ifdef __EMSCRIPTEN__
  std::optional<FrameSpec> lastWindowSpec;  // surfacePointUnder draws its pixel again (no depth read-back in WebGL 2)
#endif
  std::optional<gl::PoseTextures> poseTextures;  // with a PosedModel: muscles deform with their fibres
  std::vector<std::string> boneSegments;         // per bone field
  ScenePosePtr pose;                             // this frame's; null at the neutral pose
  const ScenePose* uploadedPose = nullptr;
  DetailGovernor detail;                               // level of detail of window frames (render/detail_governor.h)
  int detailLevel = 0;                                 // the last window frame's
  DetailFade detailFade;                               // cross-fades the window's changes of level
  std::vector<DetailPass> detailPasses{DetailPass{}};  // how this frame draws its structures

  void useDetailLevel(int level) {
    for (DrawableStructure& structure : structures) structure.buffers.setLevel(level);
  }

  static ScreenRect areaOf(const FrameSpec& spec) { return effectiveViewArea(spec.viewArea, spec.width, spec.height); }
  // The camera's projection for `tile` of the frame, fitted to the frame's view area.
  static glm::mat4 projectionOf(const FrameSpec& spec, const TileRect& tile) {
    return viewAreaProjection(spec.camera, spec.width, spec.height, areaOf(spec), tile);
  }
  static glm::mat4 projectionOf(const FrameSpec& spec) { return projectionOf(spec, TileRect{0, 0, spec.width, spec.height}); }

  gl::FrameStructures frameStructures(const FrameSpec& spec) const { return {&structures, &spec.appearance}; }
  gl::Deformation deformation() { return {pose.get(), poseTextures ? &*poseTextures : nullptr, &boneSegments}; }

  // The frame's pose: every structure's placement, and the fibre frames on the GPU.
  void applyPose(const ScenePosePtr& framePose) {
    pose = framePose;
    for (DrawableStructure& structure : structures) {
      structure.placement = pose ? pose->segments.of(structure.segment) : structure.neutralPlacement;
      const glm::mat4 moved = structure.placement * glm::affineInverse(structure.neutralPlacement);
      structure.centre = glm::vec3(moved * glm::vec4(structure.neutralCentre, 1.0f));
    }
    if (pose && poseTextures && pose.get() != uploadedPose) {
      poseTextures->uploadFibreFrames(pose->fibres, pose->activation, pose->lengthening);
      uploadedPose = pose.get();
    }
    if (poseTextures) poseTextures->bindFibreFrames();
  }

  // Structure record `index`'s neutral-pose model-frame point carried to this frame.
  glm::vec3 carried(std::size_t index, const glm::vec3& neutralPoint) const {
    const DrawableStructure& structure = structures[index];
    return glm::vec3(structure.placement * glm::affineInverse(structure.neutralPlacement) * glm::vec4(neutralPoint, 1.0f));
  }

  // Re-uploads the per-vertex attachment weights of the bones when the highlighted set changes.
  void updateAttachments(const std::vector<std::size_t>& attachmentsOf) {
    if (attachmentsOf == uploadedAttachmentsOf) return;
    std::vector<std::vector<glm::vec2>> weights(structures.size());
    for (const std::size_t m : attachmentsOf) {
      if (m >= muscles.size()) continue;
      for (const MuscleGeometry::Region& region : muscles[m].regions) {
        std::vector<glm::vec2>& w = weights[region.structure];
        if (w.empty()) w.assign(vertexCounts[region.structure], glm::vec2(0.0f));
        for (const std::uint32_t v : region.vertices)
          if (v < w.size()) w[v][region.channel] = 1.0f;
      }
    }
    for (std::size_t i = 0; i < structures.size(); ++i) {
      if (!weights[i].empty()) weights[i] = smoothRegionWeights(vertexCounts[i], boneTriangles[i], weights[i], 3);
      structures[i].buffers.setAttachmentWeights(weights[i]);
    }
    uploadedAttachmentsOf = attachmentsOf;
  }

  // The fibre lines this frame shows: each shown muscle's fibres where the pose has carried them
  // (its own rest points without a pose), coloured by activation when shading.
  std::vector<FibrePolyline> frameFibres(const SceneAppearance& appearance) const {
    std::vector<FibrePolyline> fibres;
    for (const std::size_t m : shownMuscles(appearance.fibresOf, appearance)) {
      for (const MuscleGeometry::Fibre& fibre : muscles[m].fibres) {
        fibres.push_back(fibre.rest);
        if (!pose || !fibre.posed || *fibre.posed >= pose->fibres.fibreCount()) continue;  // the model's own points at rest
        const std::size_t row = *fibre.posed;
        // Shaded: every line in the map's colour for its activation; the mode's mark dashes it.
        if (appearance.activationShading && row < pose->activation.size()) {
          fibres.back().color = colourMapAt(appearance.activationMap, pose->activation[row]);
          fibres.back().dashed = row < pose->lengthening.size() && pose->lengthening[row] > biomech::kOpposingThreshold;
        }
        fibres.back().points.clear();
        for (std::size_t s = 0; s < pose->fibres.samplesPerFibre; ++s)
          fibres.back().points.push_back(pose->fibres.at(row, s).position);
      }
    }
    return fibres;
  }

  // Labels and landmark markers for the frame, from a coarse ID render (before the frame's own
  // framebuffer is bound).
  Annotations annotate(const FrameSpec& spec) {
    applyPose(spec.pose);
    OverlayGeometry legend;  // first, so that labels keep clear of it; drawn over them
    std::optional<ScreenRect> legendPanel;
    if (font && spec.appearance.activationShading && spec.appearance.activationLegend && pose && !pose->activation.empty())
      legendPanel = drawActivationLegend(legend, *font,
                                         {spec.width, spec.height, spec.appearance.activationMap, spec.appearance.activationMode,
                                          spec.appearance.textScale, areaOf(spec)});
    Annotations annotations = annotateStructures(spec, legendPanel);
    annotations.geometry.append(legend);
    return annotations;
  }

  Annotations annotateStructures(const FrameSpec& spec, const std::optional<ScreenRect>& keepClear) {
    // With one muscle's regions highlighted (a selection) its card names it; with several, labels tell them apart.
    const bool labelRegions = spec.appearance.labelAttachments && spec.appearance.attachmentsOf.size() > 1;
    const bool wanted = spec.appearance.labelStructures || spec.appearance.showLandmarks || labelRegions;
    if (!wanted || !font) return {};
    const float shrink = std::min(1.0f, 480.0f / static_cast<float>(std::max(spec.width, spec.height)));
    FrameSpec coarse = spec;
    coarse.width = std::max(1, static_cast<int>(static_cast<float>(spec.width) * shrink));
    coarse.height = std::max(1, static_cast<int>(static_cast<float>(spec.height) * shrink));
    const ScreenRect area = areaOf(spec);
    const glm::vec2 toCoarse(static_cast<float>(coarse.width) / static_cast<float>(spec.width),
                             static_cast<float>(coarse.height) / static_cast<float>(spec.height));
    coarse.viewArea = ScreenRect{area.x * toCoarse.x, area.y * toCoarse.y, area.width * toCoarse.x, area.height * toCoarse.y};
    const gl::IdTarget target(coarse.width, coarse.height);
    target.bindForDrawing();
    drawIds(coarse, projectionOf(coarse), /*recordPositions=*/true);  // the annotations name structures by record
    const IdImage ids = target.read();
    const std::vector<float> depth = target.readDepth();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    AnnotationInput input;
    input.ids = &ids;
    input.depth = &depth;
    input.camera = spec.camera;
    input.width = spec.width;
    input.height = spec.height;
    input.viewArea = area;
    input.keepClear = keepClear;
    input.structureNames = structureNames;
    input.labelStructures = spec.appearance.labelStructures;
    input.textScale = spec.appearance.textScale;
    // Each highlighted muscle's origin and insertion is labelled, so muscles are told apart.
    const std::vector<std::size_t> labelled =
        labelRegions ? shownMuscles(spec.appearance.attachmentsOf, spec.appearance, true) : std::vector<std::size_t>{};
    for (const std::size_t m : labelled)
      for (const MuscleGeometry::Region& region : muscles[m].regions) {
        if (!region.anchor || !spec.appearance.of(structures[region.structure].handle).visible) continue;
        const bool origin = region.channel == 0;
        const glm::vec3 point = carried(region.structure, region.anchor->point);
        const glm::vec3 normal = glm::normalize(carried(region.structure, region.anchor->point + region.anchor->normal) - point);
        input.regions.push_back({muscles[m].name + (origin ? " origin" : " insertion"), region.structure, point, normal, origin});
      }
    input.regionsShowThrough = regionsShowThrough;
    if (spec.appearance.showLandmarks) {
      input.landmarks = landmarks;
      for (AnnotatedLandmark& landmark : input.landmarks) {
        for (glm::vec3& point : landmark.points) point = carried(landmark.structure, point);
        for (glm::vec3& point : landmark.alternates) point = carried(landmark.structure, point);
        const glm::mat3 turn(structures[landmark.structure].placement *
                             glm::affineInverse(structures[landmark.structure].neutralPlacement));
        for (glm::vec3& normal : landmark.normals) normal = turn * normal;
      }
    }
    return buildAnnotations(input, *font);
  }

  // The overlay is laid out once for the whole frame and moved into each tile, so labels are
  // never cut or placed differently at tile borders.
  void drawOverlay(const Annotations& annotations, const TileRect& tile) {
    if (annotations.geometry.empty() || !font) return;
    if (!overlayPass) overlayPass.emplace(*font);
    OverlayGeometry geometry = annotations.geometry;
    geometry.translate(glm::vec2(-tile.x, -tile.y));
    passes.run(*overlayPass, {&geometry, tile.width, tile.height});
  }

  // Draws `tile` of the frame (the whole frame, or one tile of a big image) into the bound target:
  // background, then per level of detail the opaque and the see-through structures, then the
  // attachments through the muscles, the fibres and the selection outline.
  void drawScene(const FrameSpec& spec, const TileRect& tile) {
    applyPose(spec.pose);
    updateAttachments(shownMuscles(spec.appearance.attachmentsOf, spec.appearance, true));
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClearDepth(1.0);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    if (!spec.options.transparentBackground)
      passes.run(backgroundPass, {spec.options.background.value_or(defaultBackground()), tileVerticalSpan(spec.height, tile)});
    const gl::PassCamera camera{spec.camera.view(), projectionOf(spec, tile)};
    lastViewProjection = camera.projection * camera.view;
    programs.setActivation(spec.appearance, pose.get());
    const gl::FrameStructures shown = frameStructures(spec);
    const gl::Deformation deform = deformation();
    // One pass, or two with complementary pixel masks while a change of level cross-fades.
    for (const DetailPass& detailPass : detailPasses) {
      useDetailLevel(detailPass.level);
      const glm::vec2 dither(detailPass.ditherFrom, detailPass.ditherTo);
      passes.run(opaquePass, {shown, camera, deform, dither});
      passes.run(seeThroughPass, {shown, camera, deform, dither});
    }
    useDetailLevel(detailPasses.back().level);  // the level the frame is heading for, for what follows
    if (!spec.appearance.attachmentsOf.empty()) passes.run(attachmentPass, {shown, camera, deform});
    const std::vector<FibrePolyline> fibres = frameFibres(spec.appearance);
    const float fibreWidth = spec.appearance.fibreWidthPixels * std::max(1.0f, static_cast<float>(spec.height) / 1080.0f);
    const int areaHeight = std::max(1, static_cast<int>(areaOf(spec).height));  // the camera's field of view spans the area
    passes.run(fibrePass, {shown, camera, deform, &fibres, spec.camera, areaHeight, fibreWidth});
    passes.run(outlinePass, {selectedRecord(spec.appearance), camera, deform, glm::vec2(tile.width, tile.height),
                             tileNdcScale(spec.width, spec.height, tile),
                             kOutlinePixels * std::max(1.0f, static_cast<float>(spec.height) / 1080.0f)});
  }

  // The selected structure's record when it is shown.
  const DrawableStructure* selectedRecord(const SceneAppearance& appearance) const {
    if (!appearance.selected || !appearance.of(*appearance.selected).visible) return nullptr;
    const auto found = recordOf.find(*appearance.selected);
    return found != recordOf.end() ? &structures[found->second] : nullptr;
  }

  void drawIds(const FrameSpec& spec, const glm::mat4& projection, bool recordPositions = false) {
    applyPose(spec.pose);
    passes.run(idPass, {frameStructures(spec), {spec.camera.view(), projection}, deformation(), recordPositions});
  }
};

Renderer::Renderer(const anatomy::Model& model, const biomech::PosedModel* posed, bool detailLevels) : Renderer() {
  setModel(model, posed, detailLevels);
}

Renderer::Renderer() : impl_(std::make_unique<Impl>()) {
  enableGlDebugOutput();
  if (const std::optional<std::filesystem::path> fontFile = core::findUiFont()) impl_->font = FontAtlas::load(*fontFile);
  if (!impl_->font) core::logWarning("no usable font (Debian: fonts-dejavu-core): labels are not drawn");
}

void Renderer::setModel(const anatomy::Model& model, const biomech::PosedModel* posed, bool detailLevels) {
  if (!impl_->structures.empty()) throw GraphicsError("internal: Renderer::setModel called twice");
  impl_->structures.reserve(model.structures.size());
  for (const anatomy::Structure& structure : model.structures) {
    if (!structure.handle.valid() || structure.handle.value > 0x7FFFFFFFu ||
        !impl_->recordOf.emplace(structure.handle, impl_->structures.size()).second)
      throw GraphicsError("internal: structure '" + structure.id +
                          "' has no handle of its own (structures join a model through Model::addStructure)");
    const glm::mat4 placement = model.neutralSegmentTransform(structure.segment);
    const glm::vec3 centre(placement * glm::vec4(anatomy::boundsOf(structure.mesh).centre(), 1.0f));
    // A part (a muscle's tendon) is drawn with its whole: its record has no triangles of its own.
    const bool part = !structure.partOf.empty();
    gl::DrawableStructure drawable{structure.handle,
                                   gl::MeshBuffers(part ? anatomy::TriangleMesh{} : structure.mesh, detailLevels && !part),
                                   styleFor(structure),
                                   structure.kind,
                                   structure.segment,
                                   placement,
                                   centre};
    drawable.placement = placement;
    drawable.centre = centre;
    impl_->structures.push_back(std::move(drawable));
    impl_->vertexCounts.push_back(part ? 0 : structure.mesh.positions.size());
    impl_->boneTriangles.push_back(structure.kind == anatomy::StructureKind::Bone ? structure.mesh.indices
                                                                                  : std::vector<std::uint32_t>{});
    impl_->structureNames.push_back(structure.displayName);
    impl_->regionsShowThrough.push_back(structure.kind == anatomy::StructureKind::Muscle ||
                                        structure.tissue == anatomy::Tissue::Tendon);
  }
  const auto recordOf = [&](const std::string& id) -> std::optional<std::size_t> {
    const std::optional<anatomy::StructureHandle> handle = model.structureHandle(id);
    if (!handle) return std::nullopt;
    return impl_->recordOf.at(*handle);
  };
  if (posed) {
    impl_->poseTextures.emplace(posed->fibres().bones());
    for (const biomech::BoneField& bone : posed->fibres().bones()) impl_->boneSegments.push_back(bone.segment);
    for (const biomech::MuscleBinding& binding : posed->bindings()) {
      gl::DrawableStructure& structure = impl_->structures[impl_->recordOf.at(model.structures[binding.structure].handle)];
      structure.buffers.setMuscleBinding(binding.vertices);
      structure.deformable = true;
      structure.deformBones = binding.bones;
    }
  }
  std::size_t modelOrder = 0;  // without a PosedModel: the fibre's place in FibrePaths order (muscle, compartment, fibre)
  for (const anatomy::Muscle& muscle : model.muscles) {
    const std::optional<std::size_t> own = recordOf(muscle.structure);
    Impl::MuscleGeometry geometry{own ? std::optional<anatomy::StructureHandle>(impl_->structures[*own].handle) : std::nullopt,
                                  {},
                                  {},
                                  own ? impl_->structureNames[*own] : muscle.id};
    for (const bool origin : {true, false}) {
      bool first = true;  // the main region is labelled; further ones (maximus on the sacrum) are only highlighted
      for (const anatomy::AttachmentRegion* region : anatomy::attachmentRegions(muscle, origin))
        if (const std::optional<std::size_t> bone = recordOf(region->structure)) {
          std::optional<RegionAnchor> anchor;
          if (first)
            anchor = regionAnchor(model.findStructure(region->structure)->mesh, region->vertices,
                                  impl_->structures[*bone].neutralPlacement);
          geometry.regions.push_back({*bone, region->vertices, origin ? 0 : 1, anchor});
          first = false;
        }
    }
    for (std::size_t c = 0; c < muscle.compartments.size(); ++c) {
      // The compartment's rows in the pose's fibre frames, found by muscle and compartment id.
      const std::vector<std::size_t> rows =
          posed ? posed->fibres().fibresOf(muscle.id, muscle.compartments[c].id) : std::vector<std::size_t>{};
      const std::vector<anatomy::Fibre>& fibres = muscle.compartments[c].fibres;
      for (std::size_t f = 0; f < fibres.size(); ++f, ++modelOrder) {
        FibrePolyline polyline{{}, compartmentColor(c)};
        for (const anatomy::FibrePoint& point : fibres[f].points) polyline.points.push_back(model.neutralPosition(point));
        const std::optional<std::size_t> row = posed ? (f < rows.size() ? std::optional(rows[f]) : std::nullopt) : modelOrder;
        geometry.fibres.push_back({std::move(polyline), row});
      }
    }
    impl_->muscles.push_back(std::move(geometry));
    if (own) impl_->structures[*own].buffers.setFibreCoordinates(anatomy::vertexFibreCoordinates(model, muscle));
    if (const std::optional<std::size_t> tendon = muscle.tendon ? recordOf(muscle.tendon->structure) : std::nullopt;
        own && tendon) {
      gl::DrawableStructure& whole = impl_->structures[*own];
      whole.buffers.setTendonWeights(anatomy::vertexTendonWeights(model, muscle));
      whole.tendon = impl_->structures[*tendon].handle;
      whole.tendonRecord = *tendon;
    }
  }
  for (const anatomy::ShownLandmark& landmark : anatomy::teachingLandmarks(model))
    if (const std::optional<std::size_t> bone = recordOf(landmark.structure))
      impl_->landmarks.push_back({landmark.label, *bone, landmark.points, landmark.depth, landmark.alternates, landmark.normals});
  int coarsest = 0;
  for (const gl::DrawableStructure& structure : impl_->structures)
    coarsest = std::max(coarsest, structure.buffers.levelCount() - 1);
  impl_->detail.setCoarsestLevel(coarsest + 1);  // + 1: the step that drops multisampling
}

void Renderer::setPassStateCheck(bool check) { impl_->passes.setStateCheck(check); }

Renderer::~Renderer() = default;

RenderLimits Renderer::limits() const {
  const gl::TargetLimits limits = gl::queryTargetLimits();
  return {limits.maxWidth, limits.maxHeight, limits.maxSamples};
}

std::string Renderer::deviceDescription() const { return describeOpenGl(); }

namespace {

// The tiles of an image (one, up to the tile size or the GPU's limit: tiling.h). Throws
// GraphicsError for a size Medius does not draw.
std::vector<TileRect> imageTiles(int width, int height, const FrameOptions& options, const RenderLimits& gpu) {
  if (width <= 0 || height <= 0 || width > kMaxImageSide || height > kMaxImageSide)
    throw GraphicsError("an image of " + std::to_string(width) + "x" + std::to_string(height) +
                        " pixels: Medius draws images from 1x1 up to " + std::to_string(kMaxImageSide) + "x" +
                        std::to_string(kMaxImageSide));
  const int tileSide = std::min({options.maxTileSide > 0 ? options.maxTileSide : kMaxImageSide, gpu.maxWidth, gpu.maxHeight});
  return splitIntoTiles(width, height, tileSide);
}

}  // namespace

void Renderer::prepareImageTarget(int width, int height, const FrameOptions& options) {
  const TileRect first = imageTiles(width, height, options, limits()).front();
  impl_->imageTarget.reset();  // one at a time
  impl_->imageTarget.emplace(
      Impl::ImageTarget{options.samples, gl::OffscreenTarget(first.width, first.height, options.samples, /*keepDepth=*/false)});
}

Image Renderer::renderImage(const FrameSpec& spec) {
  const std::vector<TileRect> tiles = imageTiles(spec.width, spec.height, spec.options, limits());
  const Annotations annotations = impl_->annotate(spec);
  Image image;
  for (const TileRect& tile : tiles) {
    std::optional<gl::OffscreenTarget> own;
    const std::optional<Impl::ImageTarget>& kept = impl_->imageTarget;
    const bool fits = kept && kept->requestedSamples == spec.options.samples && kept->target.width() == tile.width &&
                      kept->target.height() == tile.height;
    if (!fits) own.emplace(tile.width, tile.height, spec.options.samples, /*keepDepth=*/false);
    const gl::OffscreenTarget& target = fits ? kept->target : *own;
    target.bindForDrawing();
    impl_->drawScene(spec, tile);
    impl_->drawOverlay(annotations, tile);
    target.resolve();
    if (tiles.size() == 1) return target.readColor();
    if (image.rgba.empty())
      image = {spec.width, spec.height, std::vector<std::uint8_t>(static_cast<std::size_t>(spec.width) * spec.height * 4)};
    pasteTile(image, target.readColor(), tile);
  }
  return image;
}

void Renderer::renderToWindow(const FrameSpec& spec) {
  if (spec.width <= 0 || spec.height <= 0) return;  // minimised
  renderOffscreen(spec);
  impl_->windowTarget->copyToDefaultFramebuffer();
  glViewport(0, 0, spec.width, spec.height);
}

void Renderer::renderOffscreen(const FrameSpec& spec) {
  if (spec.width <= 0 || spec.height <= 0) return;
  const FrameOptions& options = spec.options;
  const bool asked = options.detailLevel >= 0;
  impl_->detailLevel = asked ? options.detailLevel : impl_->detail.update(options.lastFrameMs, options.frameBudgetMs);
  const int coarsestMesh = coarsestDetailLevel();
  // The budget's last step, past the coarsest meshes, drops multisampling: on llvmpipe it makes a
  // 1080p frame about 2.4 times faster (docs/BENCHMARKS.md), at the price of aliased edges.
  const int samples = !asked && impl_->detailLevel > coarsestMesh ? 0 : options.samples;
  if (!impl_->windowTarget || impl_->windowTarget->width() != spec.width || impl_->windowTarget->height() != spec.height ||
      impl_->windowSamples != samples) {
    impl_->windowTarget.emplace(spec.width, spec.height, samples);
    impl_->windowSamples = samples;
  }
#ifdef __EMSCRIPTEN__
  impl_->lastWindowSpec = spec;
#endif
  const Annotations annotations = impl_->annotate(spec);
  const TileRect whole{0, 0, spec.width, spec.height};
  const int shownLevel = std::min(impl_->detailLevel, coarsestMesh);
  if (asked) impl_->detailFade.jumpTo(shownLevel);  // a level asked for shows at once
  impl_->detailPasses = impl_->detailFade.nextFrame(shownLevel);
  impl_->windowTarget->bindForDrawing();
  impl_->drawScene(spec, whole);
  impl_->drawOverlay(annotations, whole);
  impl_->windowTarget->resolve();
  impl_->detailPasses = {DetailPass{}};  // images, IDs and picking: the finest
  impl_->useDetailLevel(0);
}

Image Renderer::readOffscreen() const {
  if (!impl_->windowTarget) return {};
  return impl_->windowTarget->readColor();
}

int Renderer::lastWindowSamples() const { return impl_->windowTarget ? impl_->windowTarget->samples() : 0; }

int Renderer::lastDetailLevel() const { return std::min(impl_->detailLevel, coarsestDetailLevel()); }

bool Renderer::detailFading() const { return impl_->detailFade.fading(); }

int Renderer::coarsestDetailLevel() const {
  int coarsest = 0;
  for (const Impl::DrawableStructure& structure : impl_->structures)
    coarsest = std::max(coarsest, structure.buffers.levelCount() - 1);
  return coarsest;
}

std::vector<PlacedLabel> Renderer::labelsFor(const FrameSpec& spec) { return impl_->annotate(spec).labels; }

IdImage Renderer::renderStructureIds(const FrameSpec& spec) {
  const gl::IdTarget target(spec.width, spec.height);
  target.bindForDrawing();
  impl_->drawIds(spec, Impl::projectionOf(spec));
  return target.read();
}

std::optional<anatomy::StructureHandle> Renderer::pickStructure(const FrameSpec& spec, int x, int y) {
  if (x < 0 || y < 0 || x >= spec.width || y >= spec.height) return std::nullopt;
  if (!impl_->pickTarget) impl_->pickTarget.emplace(1, 1);
  // A projection that maps just the pixel under the cursor onto the 1x1 target.
  const glm::vec2 centre(static_cast<float>(x) + 0.5f, static_cast<float>(spec.height - 1 - y) + 0.5f);
  const glm::mat4 pick = glm::pickMatrix(centre, glm::vec2(1.0f), glm::ivec4(0, 0, spec.width, spec.height));
  impl_->pickTarget->bindForDrawing();
  impl_->drawIds(spec, pick * Impl::projectionOf(spec));
  const std::optional<anatomy::StructureHandle> picked = impl_->pickTarget->read().handleAt(0, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  return picked;
}

std::optional<glm::vec3> Renderer::surfacePointUnder(int x, int y) const {
  if (!impl_->windowTarget) return std::nullopt;
#ifdef __EMSCRIPTEN__
  // The pixel's depth from the 1x1 ID pass, which writes it as a colour (render/gl/id_target.h).
  std::optional<float> depth;
  if (const std::optional<FrameSpec>& spec = impl_->lastWindowSpec;
      spec && x >= 0 && y >= 0 && x < spec->width && y < spec->height) {
    if (!impl_->pickTarget) impl_->pickTarget.emplace(1, 1);
    const glm::vec2 centre(static_cast<float>(x) + 0.5f, static_cast<float>(y) + 0.5f);
    const glm::mat4 pick = glm::pickMatrix(centre, glm::vec2(1.0f), glm::ivec4(0, 0, spec->width, spec->height));
    impl_->pickTarget->bindForDrawing();
    impl_->drawIds(*spec, pick * Impl::projectionOf(*spec));
    if (const float pixelDepth = impl_->pickTarget->readDepth().front(); pixelDepth < 1.0f) depth = pixelDepth;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
  }
#else
  const std::optional<float> depth = impl_->windowTarget->readDepth(x, y);
#endif
  if (!depth) return std::nullopt;
  const glm::vec4 ndc(2.0f * (static_cast<float>(x) + 0.5f) / static_cast<float>(impl_->windowTarget->width()) - 1.0f,
                      2.0f * (static_cast<float>(y) + 0.5f) / static_cast<float>(impl_->windowTarget->height()) - 1.0f,
                      2.0f * *depth - 1.0f, 1.0f);
  const glm::vec4 world = glm::inverse(impl_->lastViewProjection) * ndc;
  return glm::vec3(world) / world.w;
}

}  // namespace medius::render

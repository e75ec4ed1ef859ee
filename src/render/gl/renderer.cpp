#include "render/renderer.h"

#include "biomech/activation.h"

#include "anatomy/fibre_field.h"
#include "anatomy/teaching_landmarks.h"
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
#include "render/gl/gl_loader.h"
#include "render/gl/id_target.h"
#include "render/gl/mesh_buffers.h"
#include "render/gl/offscreen_target.h"
#include "render/gl/overlay_pass.h"
#include "render/gl/pose_textures.h"
#include "render/gl/shader_program.h"
#include "render/structure_style.h"
#include "render/tiling.h"

#include <glm/gtc/matrix_inverse.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include <algorithm>
#include <vector>

namespace medius::render {
namespace {
constexpr float kOutlinePixels = 3.0f;
const glm::vec4 kOutlineColor{1.0f, 0.78f, 0.18f, 1.0f};  // amber: distinct from bone, muscle, red and blue
}  // namespace

struct Renderer::Impl {
  struct DrawableStructure {
    gl::MeshBuffers buffers;
    MaterialStyle style;
    anatomy::StructureKind kind;
    std::string segment;
    glm::mat4 neutralPlacement;              // segment frame to model frame at the neutral pose
    glm::vec3 neutralCentre;                 // in the model frame, for sorting see-through structures
    std::array<int, 2> deformBones{-1, -1};  // a bound muscle: its bones (PoseTextures); -1 none
    bool deformable = false;                 // bound to its fibres
    // This frame's:
    glm::mat4 placement{1.0f};
    glm::vec3 centre{0.0f};
  };

  // A muscle's highlightable regions and its fibres at the neutral pose.
  struct MuscleGeometry {
    struct Region {
      std::size_t structure;  // the bone
      std::vector<std::uint32_t> vertices;
      int channel;                         // 0 origin, 1 insertion
      std::optional<RegionAnchor> anchor;  // for the label: the muscle's first region of each channel only
    };
    std::optional<std::size_t> own;  // the muscle's own structure: while it is hidden nothing of it is drawn
    std::vector<Region> regions;     // every bone region of its origin and insertion (maximus: the sacrum too)
    std::vector<FibrePolyline> fibres;
    std::size_t firstFibre = 0;  // in FibreFrames (FibrePaths order)
    std::string name;            // the muscle's display name, for its regions' labels
  };

  // The muscles of `wanted` whose own structure is shown: a hidden muscle's fibres and attachment
  // highlights are not drawn, except, with `selectedFootprint`, the attachments of the selected
  // muscle (the atlas's "muscle removed to show where it was attached").
  std::vector<std::size_t> shownMuscles(const std::vector<std::size_t>& wanted, const SceneAppearance& appearance,
                                        bool selectedFootprint = false) const {
    std::vector<std::size_t> shown;
    for (const std::size_t m : wanted) {
      if (m >= muscles.size()) continue;
      const std::optional<std::size_t> own = muscles[m].own;
      if (!own || appearance.of(*own).visible || (selectedFootprint && appearance.selected == own)) shown.push_back(m);
    }
    return shown;
  }

  std::vector<DrawableStructure> structures;
  std::vector<std::size_t> vertexCounts;
  std::vector<std::vector<std::uint32_t>> boneTriangles;  // per structure, bones only: to smooth region edges
  std::vector<std::string> structureNames;
  std::vector<AnnotatedLandmark> landmarks;
  std::optional<FontAtlas> font;  // labels need it; without a font they are skipped
  std::optional<gl::OverlayPass> overlayPass;
  std::vector<MuscleGeometry> muscles;
  std::vector<std::size_t> uploadedAttachmentsOf;
  gl::ShaderProgram fibreProgram{"fibre.vert.glsl", "fibre.frag.glsl"};
  gl::VertexArray fibreVertexArray = gl::createVertexArray();
  gl::Buffer fibreVertices = gl::createBuffer();
  using Files = std::vector<std::string_view>;
  gl::ShaderProgram meshProgram{Files{"muscle_deform.glsl", "mesh.vert.glsl"}, Files{"mesh_surface.glsl", "mesh.frag.glsl"}};
  // For a structure that neither deforms nor shows regions, striation or activation (every mesh of
  // an imported file; bones with nothing highlighted): the same colours from much cheaper shaders,
  // which matters on llvmpipe with big meshes. Built on first use.
  std::optional<gl::ShaderProgram> plainProgram;
  gl::ShaderProgram idProgram{Files{"muscle_deform.glsl", "mesh.vert.glsl"}, "id.frag.glsl"};
  gl::ShaderProgram outlineProgram{Files{"muscle_deform.glsl", "outline.vert.glsl"}, "flat.frag.glsl"};
  gl::ShaderProgram backgroundProgram{"background.vert.glsl", "background.frag.glsl"};
  gl::VertexArray emptyVertexArray = gl::createVertexArray();  // core profile needs one bound to draw
  std::optional<gl::OffscreenTarget> windowTarget;
  int windowSamples = 0;  // what the window target was asked for (it holds what the GPU allows)
  struct ImageTarget {
    int requestedSamples = 0;
    gl::OffscreenTarget target;
  };
  std::optional<ImageTarget> imageTarget;  // prepareImageTarget's, kept
  std::optional<gl::IdTarget> pickTarget;  // 1x1
  glm::mat4 lastViewProjection{1.0f};
  std::optional<gl::PoseTextures> poseTextures;  // with a PosedModel: muscles deform with their fibres
  std::vector<std::string> boneSegments;         // per bone field
  ScenePosePtr pose;                             // this frame's; null at the neutral pose
  const ScenePose* uploadedPose = nullptr;
  DetailGovernor detail;                               // level of detail of window frames (render/detail_governor.h)
  int detailLevel = 0;                                 // the last window frame's
  DetailFade detailFade;                               // cross-fades the window's changes of level
  std::vector<DetailPass> detailPasses{DetailPass{}};  // how this frame draws its structures
  static constexpr glm::vec2 kEveryPixel{DetailPass{}.ditherFrom, DetailPass{}.ditherTo};
  glm::vec2 ditherRange = kEveryPixel;  // the pixels the current pass draws

  void useDetailLevel(int level) {
    for (DrawableStructure& structure : structures) structure.buffers.setLevel(level);
  }

  static ScreenRect areaOf(const FrameSpec& spec) { return effectiveViewArea(spec.viewArea, spec.width, spec.height); }
  // The camera's projection for `tile` of the frame, fitted to the frame's view area.
  static glm::mat4 projectionOf(const FrameSpec& spec, const TileRect& tile) {
    return viewAreaProjection(spec.camera, spec.width, spec.height, areaOf(spec), tile);
  }
  static glm::mat4 projectionOf(const FrameSpec& spec) { return projectionOf(spec, TileRect{0, 0, spec.width, spec.height}); }

  // Where structure i is this frame: placed with its segment, or (a bound muscle in a posed
  // frame) rebuilt from the fibres in the vertex shader and kept out of its bones.
  void setTransforms(gl::ShaderProgram& program, const glm::mat4& view, const glm::mat4& projection,
                     const DrawableStructure& structure) {
    program.set("projection", projection);
    program.set("view", view);
    program.set("meshToModel", structure.placement);
    const bool deform = pose && poseTextures && structure.deformable;
    program.set("deformMuscle", deform ? 1 : 0);
    if (!deform) return;
    program.set("samplesPerFibre", static_cast<int>(pose->fibres.samplesPerFibre));
    int bones = 0;
    for (const int bone : structure.deformBones) {
      if (bone < 0) break;
      const std::string slot = std::to_string(bones);
      const glm::mat4 segment = pose->segments.of(boneSegments[static_cast<std::size_t>(bone)]);
      poseTextures->bindBone(static_cast<std::size_t>(bone), bones == 0 ? gl::kBoneDistanceUnit0 : gl::kBoneDistanceUnit1);
      program.set("modelToBoneTexture" + slot, poseTextures->modelToTexture(static_cast<std::size_t>(bone), segment));
      program.set("boneToModel" + slot, glm::mat3(segment));
      program.set("boneTexel" + slot, poseTextures->bone(static_cast<std::size_t>(bone)).texel);
      ++bones;
    }
    program.set("boneCount", bones);
  }

  // Sampler units are fixed once per program: samplers of different types must never share one.
  static void assignSamplerUnits(gl::ShaderProgram& program) {
    program.use();
    program.set("fibreFrames", gl::kFibreFramesUnit);
    program.set("boneDistance0", gl::kBoneDistanceUnit0);
    program.set("boneDistance1", gl::kBoneDistanceUnit1);
  }

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

  // Structure `index`'s neutral-pose model-frame point carried to this frame.
  glm::vec3 carried(std::size_t index, const glm::vec3& neutralPoint) const {
    const DrawableStructure& structure = structures[index];
    return glm::vec3(structure.placement * glm::affineInverse(structure.neutralPlacement) * glm::vec4(neutralPoint, 1.0f));
  }

  void drawBackground(glm::vec2 verticalSpan, const std::optional<BackgroundStyle>& chosen) {
    const BackgroundStyle background = chosen.value_or(defaultBackground());
    glDisable(GL_DEPTH_TEST);
    backgroundProgram.use();
    backgroundProgram.set("topColor", background.top);
    backgroundProgram.set("bottomColor", background.bottom);
    backgroundProgram.set("verticalSpan", verticalSpan);
    glBindVertexArray(emptyVertexArray.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
  }

  gl::ShaderProgram& litProgramFor(const DrawableStructure& structure) {
    const bool deform = pose && poseTextures && structure.deformable;
    if (deform || structure.buffers.hasAttachmentWeights() || structure.buffers.hasFibreCoordinates()) return meshProgram;
    if (!plainProgram)
      plainProgram.emplace(Files{"rigid_vertex.glsl", "mesh.vert.glsl"}, Files{"plain_surface.glsl", "mesh.frag.glsl"});
    return *plainProgram;
  }

  void drawLit(const DrawableStructure& structure, const glm::mat4& view, const glm::mat4& projection, float opacity,
               bool hovered) {
    gl::ShaderProgram& program = litProgramFor(structure);
    program.use();
    setTransforms(program, view, projection, structure);
    program.set("baseColor", structure.style.baseColor);
    program.set("specularStrength", structure.style.specularStrength);
    program.set("shininess", structure.style.shininess);
    program.set("opacity", opacity);
    program.set("highlight", hovered ? 1.0f : 0.0f);
    program.set("attachmentsOnly", 0);
    program.set("ditherRange", ditherRange);
    structure.buffers.draw();
  }

  // Activation colours for this frame's muscles (when the pose carries activation).
  void setActivationUniforms(const FrameSpec& spec) {
    const bool shown = spec.appearance.activationShading && pose && !pose->activation.empty();
    meshProgram.use();
    meshProgram.set("showActivation", shown ? 1 : 0);
    if (!shown) return;
    const auto& points = colourMapPoints(spec.appearance.activationMap);
    for (std::size_t i = 0; i < points.size(); ++i)
      meshProgram.set("activationMap[" + std::to_string(i) + "]", srgbToLinear(points[i]));
    meshProgram.set("markStyle", spec.appearance.activationMode == biomech::ActivationMode::Load ? 1 : 0);
    meshProgram.set("lengtheningColor", srgbToLinear(kLengtheningColour));
    meshProgram.set("eccentricShade", kEccentricStripeShade);
  }

  // Origins and insertions show through the muscles that cover them (a student need not find
  // X-ray first): the depth buffer is refilled with the opaque bones alone, and the highlighted
  // regions are drawn once more on top of it, blended over whatever covers them. Regions behind
  // bone stay hidden.
  void drawAttachmentsThroughMuscles(const FrameSpec& spec, const glm::mat4& view, const glm::mat4& projection) {
    if (spec.appearance.attachmentsOf.empty()) return;
    fillDepthWithOpaqueBones(spec, view, projection);
    meshProgram.use();
    meshProgram.set("attachmentsOnly", 1);
    meshProgram.set("ditherRange", kEveryPixel);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    glDepthFunc(GL_LEQUAL);
    for (std::size_t i = 0; i < structures.size(); ++i) {
      const StructureAppearance look = spec.appearance.of(i);
      if (structures[i].kind != anatomy::StructureKind::Bone || !look.visible || look.opacity < 1.0f) continue;
      setTransforms(meshProgram, view, projection, structures[i]);
      meshProgram.set("baseColor", structures[i].style.baseColor);
      meshProgram.set("opacity", 1.0f);
      meshProgram.set("highlight", 0.0f);
      structures[i].buffers.draw();
    }
    meshProgram.set("attachmentsOnly", 0);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
  }

  // Opaque structures first with depth writes, nearest first so that the depth test spares the
  // shading of what they hide; then see-through ones back to front without depth writes, each
  // drawn back faces first so its far side shows through its near side.
  void drawStructures(const FrameSpec& spec, const glm::mat4& view, const glm::mat4& projection) {
    std::vector<std::size_t> opaque, seeThrough;
    for (std::size_t i = 0; i < structures.size(); ++i) {
      const StructureAppearance look = spec.appearance.of(i);
      if (!look.visible || look.opacity <= 0.0f) continue;
      (look.opacity < 1.0f ? seeThrough : opaque).push_back(i);
    }
    const auto viewDepth = [&](std::size_t i) { return (view * glm::vec4(structures[i].centre, 1.0f)).z; };
    std::sort(opaque.begin(), opaque.end(), [&](std::size_t a, std::size_t b) { return viewDepth(a) > viewDepth(b); });
    std::sort(seeThrough.begin(), seeThrough.end(), [&](std::size_t a, std::size_t b) { return viewDepth(a) < viewDepth(b); });
    meshProgram.use();
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDisable(GL_CULL_FACE);  // imported meshes may be open or inconsistently wound
    // One pass, or two with complementary pixel masks while a change of level cross-fades.
    for (const DetailPass& pass : detailPasses) {
      useDetailLevel(pass.level);
      ditherRange = glm::vec2(pass.ditherFrom, pass.ditherTo);
      for (const std::size_t i : opaque) drawLit(structures[i], view, projection, 1.0f, spec.appearance.hovered == i);
      if (seeThrough.empty()) continue;
      glEnable(GL_BLEND);
      glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
      glDepthMask(GL_FALSE);
      glEnable(GL_CULL_FACE);
      for (const std::size_t i : seeThrough) {
        for (const GLenum culled : {GL_FRONT, GL_BACK}) {
          glCullFace(culled);
          drawLit(structures[i], view, projection, spec.appearance.of(i).opacity, spec.appearance.hovered == i);
        }
      }
      glDisable(GL_CULL_FACE);
      glDepthMask(GL_TRUE);
      glDisable(GL_BLEND);
    }
    ditherRange = kEveryPixel;
    useDetailLevel(detailPasses.back().level);  // the level the frame is heading for, for what follows
    drawAttachmentsThroughMuscles(spec, view, projection);
  }

  // The depth buffer holding only the opaque visible bones (colour untouched).
  void fillDepthWithOpaqueBones(const FrameSpec& spec, const glm::mat4& view, const glm::mat4& projection) {
    glClear(GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    idProgram.use();
    for (std::size_t i = 0; i < structures.size(); ++i) {
      const StructureAppearance look = spec.appearance.of(i);
      if (structures[i].kind != anatomy::StructureKind::Bone || !look.visible || look.opacity < 1.0f) continue;
      setTransforms(idProgram, view, projection, structures[i]);
      structures[i].buffers.draw();
    }
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  }

  // The whole silhouette of the selected structure, even where something covers it: mark it in
  // the stencil buffer, then draw a version pushed outwards where the stencil is not marked.
  void drawSelectionOutline(const FrameSpec& spec, const glm::mat4& view, const glm::mat4& projection, const TileRect& tile) {
    const std::optional<std::size_t> selected = spec.appearance.selected;
    if (!selected || *selected >= structures.size() || !spec.appearance.of(*selected).visible) return;
    const DrawableStructure& structure = structures[*selected];
    glEnable(GL_STENCIL_TEST);
    glDisable(GL_DEPTH_TEST);
    glClear(GL_STENCIL_BUFFER_BIT);
    glStencilFunc(GL_ALWAYS, 1, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_REPLACE);
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    outlineProgram.use();
    setTransforms(outlineProgram, view, projection, structure);
    outlineProgram.set("viewportPixels", glm::vec2(tile.width, tile.height));
    outlineProgram.set("tileNdcScale", tileNdcScale(spec.width, spec.height, tile));
    outlineProgram.set("outlinePixels", 0.0f);
    outlineProgram.set("color", kOutlineColor);
    structure.buffers.draw();
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glStencilFunc(GL_NOTEQUAL, 1, 0xFF);
    glStencilOp(GL_KEEP, GL_KEEP, GL_KEEP);
    outlineProgram.set("outlinePixels", kOutlinePixels * std::max(1.0f, static_cast<float>(spec.height) / 1080.0f));
    structure.buffers.draw();
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_DEPTH_TEST);
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

  // Fibres show over the muscles they belong to but stay hidden behind bone: the depth buffer is
  // refilled with the opaque bones alone before the ribbons are drawn.
  void drawFibres(const FrameSpec& spec, const glm::mat4& view, const glm::mat4& projection) {
    std::vector<FibrePolyline> fibres;
    for (const std::size_t m : shownMuscles(spec.appearance.fibresOf, spec.appearance)) {
      for (std::size_t f = 0; f < muscles[m].fibres.size(); ++f) {
        fibres.push_back(muscles[m].fibres[f]);
        const std::size_t global = muscles[m].firstFibre + f;
        if (!pose || global >= pose->fibres.fibreCount()) continue;  // the model's own points at rest
        // Shaded: every line in the map's colour for its activation; the mode's mark dashes it.
        if (spec.appearance.activationShading && global < pose->activation.size()) {
          fibres.back().color = colourMapAt(spec.appearance.activationMap, pose->activation[global]);
          fibres.back().dashed = global < pose->lengthening.size() && pose->lengthening[global] > biomech::kOpposingThreshold;
        }
        fibres.back().points.clear();
        for (std::size_t s = 0; s < pose->fibres.samplesPerFibre; ++s)
          fibres.back().points.push_back(pose->fibres.at(global, s).position);
      }
    }
    if (fibres.empty()) return;
    fillDepthWithOpaqueBones(spec, view, projection);

    const float width = spec.appearance.fibreWidthPixels * std::max(1.0f, static_cast<float>(spec.height) / 1080.0f);
    const int areaHeight = std::max(1, static_cast<int>(areaOf(spec).height));  // the camera's field of view spans the area
    const std::vector<RibbonVertex> ribbons = buildFibreRibbons(fibres, spec.camera, areaHeight, width);
    glBindVertexArray(fibreVertexArray.get());
    glBindBuffer(GL_ARRAY_BUFFER, fibreVertices.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(ribbons.size() * sizeof(RibbonVertex)), ribbons.data(), GL_STREAM_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, sizeof(RibbonVertex), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, sizeof(RibbonVertex), reinterpret_cast<const void*>(sizeof(glm::vec3)));
    fibreProgram.use();
    fibreProgram.set("viewProjection", projection * view);
    glDrawArrays(GL_TRIANGLES, 0, static_cast<GLsizei>(ribbons.size()));
    glBindVertexArray(0);
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
    drawIds(coarse, projectionOf(coarse));
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
        if (!region.anchor || !spec.appearance.of(region.structure).visible) continue;
        const bool origin = region.channel == 0;
        const glm::vec3 point = carried(region.structure, region.anchor->point);
        const glm::vec3 normal = glm::normalize(carried(region.structure, region.anchor->point + region.anchor->normal) - point);
        input.regions.push_back({muscles[m].name + (origin ? " origin" : " insertion"), region.structure, point, normal, origin});
      }
    for (const DrawableStructure& structure : structures)
      input.regionsShowThrough.push_back(structure.kind == anatomy::StructureKind::Muscle);
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
    overlayPass->draw(geometry, tile.width, tile.height);
  }

  // Draws `tile` of the frame (the whole frame, or one tile of a big image) into the bound target.
  void drawScene(const FrameSpec& spec, const TileRect& tile) {
    applyPose(spec.pose);
    updateAttachments(shownMuscles(spec.appearance.attachmentsOf, spec.appearance, true));
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClearDepth(1.0);
    glClearStencil(0);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
    if (!spec.options.transparentBackground) drawBackground(tileVerticalSpan(spec.height, tile), spec.options.background);
    const glm::mat4 view = spec.camera.view();
    const glm::mat4 projection = projectionOf(spec, tile);
    lastViewProjection = projection * view;
    setActivationUniforms(spec);
    drawStructures(spec, view, projection);
    drawFibres(spec, view, projection);
    drawSelectionOutline(spec, view, projection, tile);
  }

  // Every visible structure writes its index; see-through ones too, since a person points at
  // what they see.
  void drawIds(const FrameSpec& spec, const glm::mat4& projection) {
    applyPose(spec.pose);
    const glm::mat4 view = spec.camera.view();
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDisable(GL_CULL_FACE);
    glDisable(GL_BLEND);
    idProgram.use();
    for (std::size_t i = 0; i < structures.size(); ++i) {
      const StructureAppearance look = spec.appearance.of(i);
      if (!look.visible || look.opacity <= 0.0f) continue;
      setTransforms(idProgram, view, projection, structures[i]);
      idProgram.set("structureId", static_cast<int>(i));
      structures[i].buffers.draw();
    }
  }
};

Renderer::Renderer(const anatomy::Model& model, const biomech::PosedModel* posed, bool detailLevels) : Renderer() {
  setModel(model, posed, detailLevels);
}

Renderer::Renderer() : impl_(std::make_unique<Impl>()) {
  enableGlDebugOutput();
  for (gl::ShaderProgram* program : {&impl_->meshProgram, &impl_->idProgram, &impl_->outlineProgram})
    Impl::assignSamplerUnits(*program);
  if (const std::optional<std::filesystem::path> fontFile = core::findUiFont()) impl_->font = FontAtlas::load(*fontFile);
  if (!impl_->font) core::logWarning("no usable font (Debian: fonts-dejavu-core): labels are not drawn");
}

void Renderer::setModel(const anatomy::Model& model, const biomech::PosedModel* posed, bool detailLevels) {
  if (!impl_->structures.empty()) throw GraphicsError("internal: Renderer::setModel called twice");
  impl_->structures.reserve(model.structures.size());
  for (const anatomy::Structure& structure : model.structures) {
    const glm::mat4 placement = model.neutralSegmentTransform(structure.segment);
    const glm::vec3 centre(placement * glm::vec4(anatomy::boundsOf(structure.mesh).centre(), 1.0f));
    Impl::DrawableStructure drawable{
        gl::MeshBuffers(structure.mesh, detailLevels), styleFor(structure), structure.kind, structure.segment, placement, centre};
    drawable.placement = placement;
    drawable.centre = centre;
    impl_->structures.push_back(std::move(drawable));
    impl_->vertexCounts.push_back(structure.mesh.positions.size());
    impl_->boneTriangles.push_back(structure.kind == anatomy::StructureKind::Bone ? structure.mesh.indices
                                                                                  : std::vector<std::uint32_t>{});
    impl_->structureNames.push_back(structure.displayName);
  }
  if (posed) {
    impl_->poseTextures.emplace(posed->fibres().bones());
    for (const biomech::BoneField& bone : posed->fibres().bones()) impl_->boneSegments.push_back(bone.segment);
    for (const biomech::MuscleBinding& binding : posed->bindings()) {
      Impl::DrawableStructure& structure = impl_->structures[binding.structure];
      structure.buffers.setMuscleBinding(binding.vertices);
      structure.deformable = true;
      structure.deformBones = binding.bones;
    }
  }
  const auto indexOf = [&](const std::string& id) { return model.structureIndex(id); };
  std::size_t fibresSoFar = 0;
  for (const anatomy::Muscle& muscle : model.muscles) {
    const std::optional<std::size_t> own = indexOf(muscle.structure);
    Impl::MuscleGeometry geometry{own, {}, {}, fibresSoFar, own ? model.structures[*own].displayName : muscle.id};
    for (const bool origin : {true, false}) {
      bool first = true;  // the main region is labelled; further ones (maximus on the sacrum) are only highlighted
      for (const anatomy::AttachmentRegion* region : anatomy::attachmentRegions(muscle, origin))
        if (const std::optional<std::size_t> bone = indexOf(region->structure)) {
          std::optional<RegionAnchor> anchor;
          if (first)
            anchor = regionAnchor(model.structures[*bone].mesh, region->vertices, impl_->structures[*bone].neutralPlacement);
          geometry.regions.push_back({*bone, region->vertices, origin ? 0 : 1, anchor});
          first = false;
        }
    }
    for (std::size_t c = 0; c < muscle.compartments.size(); ++c)
      for (const anatomy::Fibre& fibre : muscle.compartments[c].fibres) {
        FibrePolyline polyline{{}, compartmentColor(c)};
        for (const anatomy::FibrePoint& point : fibre.points) polyline.points.push_back(model.neutralPosition(point));
        geometry.fibres.push_back(std::move(polyline));
        ++fibresSoFar;
      }
    impl_->muscles.push_back(std::move(geometry));
    if (own) impl_->structures[*own].buffers.setFibreCoordinates(anatomy::vertexFibreCoordinates(model, muscle));
  }
  for (const anatomy::ShownLandmark& landmark : anatomy::teachingLandmarks(model))
    if (const std::optional<std::size_t> bone = indexOf(landmark.structure))
      impl_->landmarks.push_back({landmark.label, *bone, landmark.points, landmark.depth, landmark.alternates, landmark.normals});
  int coarsest = 0;
  for (const Impl::DrawableStructure& structure : impl_->structures)
    coarsest = std::max(coarsest, structure.buffers.levelCount() - 1);
  impl_->detail.setCoarsestLevel(coarsest + 1);  // + 1: the step that drops multisampling
}

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

std::optional<std::size_t> Renderer::pickStructure(const FrameSpec& spec, int x, int y) {
  if (x < 0 || y < 0 || x >= spec.width || y >= spec.height) return std::nullopt;
  if (!impl_->pickTarget) impl_->pickTarget.emplace(1, 1);
  // A projection that maps just the pixel under the cursor onto the 1x1 target.
  const glm::vec2 centre(static_cast<float>(x) + 0.5f, static_cast<float>(spec.height - 1 - y) + 0.5f);
  const glm::mat4 pick = glm::pickMatrix(centre, glm::vec2(1.0f), glm::ivec4(0, 0, spec.width, spec.height));
  impl_->pickTarget->bindForDrawing();
  impl_->drawIds(spec, pick * Impl::projectionOf(spec));
  const int id = impl_->pickTarget->read().ids[0];
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  if (id < 0) return std::nullopt;
  return static_cast<std::size_t>(id);
}

std::optional<glm::vec3> Renderer::surfacePointUnder(int x, int y) const {
  if (!impl_->windowTarget) return std::nullopt;
  const std::optional<float> depth = impl_->windowTarget->readDepth(x, y);
  if (!depth) return std::nullopt;
  const glm::vec4 ndc(2.0f * (static_cast<float>(x) + 0.5f) / static_cast<float>(impl_->windowTarget->width()) - 1.0f,
                      2.0f * (static_cast<float>(y) + 0.5f) / static_cast<float>(impl_->windowTarget->height()) - 1.0f,
                      2.0f * *depth - 1.0f, 1.0f);
  const glm::vec4 world = glm::inverse(impl_->lastViewProjection) * ndc;
  return glm::vec3(world) / world.w;
}

}  // namespace medius::render

#pragma once
// The renderer's boundary: what the app and the UI may ask of it. No GL types cross it; the
// implementation in render/gl/ owns every GL object. One Renderer per GL context, created and
// destroyed while that context is current.
#include "anatomy/model.h"
#include "biomech/posed_model.h"
#include "render/camera.h"
#include "render/image.h"
#include "render/label_layout.h"
#include "render/scene_appearance.h"
#include "render/scene_pose.h"
#include "render/structure_style.h"
#include "render/view_area.h"

#include <memory>
#include <optional>

#include <glm/vec3.hpp>

namespace medius::render {

struct FrameOptions {
  bool transparentBackground = false;  // alpha 0 where no structure covers the pixel
  int samples = 4;                     // multisampling; clamped to what the GPU supports
  int maxTileSide = 2048;              // larger images are drawn in tiles of at most this (and the GPU's limit) and stitched
  std::optional<BackgroundStyle> background =
      std::nullopt;  // the gradient behind the model; defaultBackground() when unset (presentation themes)
  // Level of detail of window frames (render/detail_governor.h): the window sets a budget and its
  // measured frame time, and the renderer steps to coarser meshes while frames are too slow, and
  // past the coarsest meshes drops multisampling. Exported images, ID renders and picking always
  // use the finest level.
  double frameBudgetMs = 0.0;  // 0: no budget, the finest level
  double lastFrameMs = 0.0;    // the window's previous frame, as it measured it
  int detailLevel = -1;        // >= 0: exactly this level (clamped per mesh); -1: the budget decides
};

struct RenderLimits {
  int maxWidth = 0;
  int maxHeight = 0;
  int maxSamples = 0;
};

// What one frame shows: from where, at what size, and how each structure looks.
struct FrameSpec {
  Camera camera;
  int width = 1;
  int height = 1;
  FrameOptions options;
  SceneAppearance appearance;
  ScenePosePtr pose;  // null: the neutral pose
  // The part of the frame the camera frames, labels and the legend keep to (the window less its
  // docked panels); none: the whole frame (render/view_area.h).
  std::optional<ScreenRect> viewArea;
};

class Renderer {
 public:
  // Uploads the model's meshes and builds the shaders. With a PosedModel (of the same model) the
  // muscles are bound to their fibres and deform with them in posed frames; without one, posed
  // frames move every structure rigidly with its segment. Throws GraphicsError on failure.
  // `detailLevels`: build the level-of-detail chain for window frames (meshoptimizer, about a
  // second per million triangles); off for one-shot exports, which always draw the finest.
  explicit Renderer(const anatomy::Model& model, const biomech::PosedModel* posed = nullptr, bool detailLevels = true);
  // The part that needs no model (shaders, font), for work done while the model still loads;
  // setModel then adds it. Throws GraphicsError on failure.
  Renderer();
  // Uploads the model, as the first constructor does; once, on a Renderer made without one.
  void setModel(const anatomy::Model& model, const biomech::PosedModel* posed = nullptr, bool detailLevels = true);
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  RenderLimits limits() const;
  std::string deviceDescription() const;

  // Draws one frame offscreen at exactly spec.width x spec.height (1 to kMaxImageSide of
  // render/tiling.h per side) and returns it; above the tile size or the GPU's framebuffer limit
  // it draws tiles of the same view and stitches them. Throws GraphicsError for a size outside
  // that range or when the GPU runs out of memory.
  Image renderImage(const FrameSpec& spec);

  // Makes the offscreen target that renderImage draws images of this size and these options into
  // (the first tile's, for a tiled one), and keeps it for every later renderImage that fits it: a
  // sequence of frames, or a target made while the model loads, is not paid for again (1920x1080
  // with 4 samples: 74 MB for llvmpipe to allocate and clear). Without it, renderImage makes a
  // target per image and frees it. Throws GraphicsError as renderImage does.
  void prepareImageTarget(int width, int height, const FrameOptions& options);

  // Draws one frame into the window's framebuffer (through the same offscreen path).
  void renderToWindow(const FrameSpec& spec);

  // The window's frame without the window: draws and resolves into the same kept offscreen
  // target and stops there (`medius bench`). surfacePointUnder then reads from it; reading a
  // pixel back waits until the frame is finished.
  void renderOffscreen(const FrameSpec& spec);

  // The last window or offscreen frame as an image (empty before the first).
  Image readOffscreen() const;

  // The level of detail the last window or offscreen frame used (0: the finest) and the coarsest
  // any mesh has.
  int lastDetailLevel() const;
  int coarsestDetailLevel() const;
  // A change of level is still cross-fading (render/detail_fade.h): draw more frames to finish it.
  bool detailFading() const;
  // The multisampling of the last window or offscreen frame: FrameOptions::samples (as far as the
  // GPU allows), or 0 once the budget has stepped past the coarsest meshes.
  int lastWindowSamples() const;

  // Which structure covers each pixel (its handle's value, -1 for none).
  IdImage renderStructureIds(const FrameSpec& spec);

  // The structure under pixel (x, y) of a frame (origin top left), through a 1x1 ID render.
  std::optional<anatomy::StructureHandle> pickStructure(const FrameSpec& spec, int x, int y);

  // Checks at every pass boundary that the pass left the GL state as it found it, and throws
  // GraphicsError naming the pass otherwise (render/gl/render_pass.h). Off by default: tests and
  // debugging turn it on.
  void setPassStateCheck(bool check);

  // The labels a frame would show, where they would be placed (pixels, origin top left).
  std::vector<PlacedLabel> labelsFor(const FrameSpec& spec);

  // The surface point under pixel (x, y) of the last window frame (origin bottom left), if any.
  std::optional<glm::vec3> surfacePointUnder(int x, int y) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace medius::render

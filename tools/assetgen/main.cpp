// medius-assetgen: builds the bone and muscle meshes and model.json of the built-in hip model
// from its landmarks, muscle recipes and teaching text.
//   medius-assetgen --landmarks assets/hip/landmarks.json --out assets/hip [--muscles DIR]
// Exit codes: 0 success, 1 usage, 2 bad input (landmarks, recipes, teaching text), 4 output failure.
#include "core/error.h"
#include "generate_assets.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  CLI::App app{"Build the hip bone meshes (.glb) and model.json from landmarks.json"};
  medius::assetgen::GenerateOptions options;
  app.add_option("--landmarks", options.landmarksPath, "landmarks.json to read")->required();
  app.add_option("--muscles", options.musclesDirectory,
                 "folder of muscle recipes (*.json; default: the folder \"muscles\" beside the landmarks)");
  app.add_option("--out", options.outputDirectory, "directory for the .glb files and model.json")->required();
  float gridMm = 1.5f;
  app.add_option("--grid-mm", gridMm, "field sampling step in millimetres (default 1.5)")->check(CLI::Range(0.5f, 10.0f));
  app.add_option("--threads", options.threads, "worker threads for field sampling")->check(CLI::Range(1, 64));
  app.add_flag("-v,--verbose", options.verbose, "print what is written");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  }
  options.gridSpacing = gridMm * 0.001f;
  try {
    medius::assetgen::generateAssets(options);
  } catch (const medius::InputError& e) {
    std::fprintf(stderr, "medius-assetgen: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "medius-assetgen: %s\n", e.what());
    return 4;
  }
  return 0;
}

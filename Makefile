# The two set-up commands (see README.md). Each installs what is missing, configures and builds.
#   make run    the viewer on the built-in hip model (needs a display)
#   make test   every test, headless
BUILD_DIR ?= build
export BUILD_DIR

.PHONY: run test build assets package clean web

build:
	./scripts/setup.sh

run: build
	./$(BUILD_DIR)/medius

# Then the page (scripts/web.sh); configuring again finds the Node that it installs, for the
# page's test (web.Page).
test: build web
	cmake -S . -B $(BUILD_DIR) >/dev/null
	cd $(BUILD_DIR) && ctest --output-on-failure --timeout 600 -j 2

# The page: the viewer compiled to WebAssembly into build-web/site/ (scripts/web.sh; README.md,
# "Medius in your browser"); `make test` builds it too and runs the page's test (web.Page).
web:
	./scripts/web.sh

# Regenerates the built-in hip model (assets/hip/*.glb and model.json) from landmarks.json.
assets: build
	./$(BUILD_DIR)/tools/assetgen/medius-assetgen --landmarks assets/hip/landmarks.json --out assets/hip

# The Debian package (build/medius_VERSION_ARCH.deb): medius, its assets, a desktop entry and an icon.
package: build
	cd $(BUILD_DIR) && cpack -G DEB

clean:
	rm -rf $(BUILD_DIR) build-web

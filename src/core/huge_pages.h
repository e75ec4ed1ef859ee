#pragma once
// Big buffers that are filled once (a million-triangle mesh: tens of MB) pay one page fault per
// 4 KiB page on first touch; on some machines (the benchmark VM of docs/BENCHMARKS.md) each costs
// about 10 µs. Backed by 2 MiB transparent huge pages they cost 512 times fewer faults.
#include <cstddef>
#include <vector>

namespace medius::core {

// Asks the kernel to back the 2 MiB-aligned part of [data, data + bytes) with transparent huge
// pages (Linux, where THP is "madvise" or "always"). Call before the memory is first written.
// Advice only: does nothing for small buffers, on other systems or where the kernel declines.
void adviseHugePages(void* data, std::size_t bytes);

// resize(count) of an empty vector, with the huge-page advice given between allocation and the
// first write.
template <typename T>
void resizeWithHugePages(std::vector<T>& vector, std::size_t count) {
  vector.reserve(count);
  adviseHugePages(vector.data(), count * sizeof(T));
  vector.resize(count);
}

}  // namespace medius::core

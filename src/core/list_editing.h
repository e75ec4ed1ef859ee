#pragma once
// Editing an ordered list that has at most one selected item (the Lesson editor's steps, the Quiz
// editor's questions): a new item goes after the selection and becomes it, moving an item takes
// the selection along, removing one keeps the selection on the same item where it can.

#include <cstddef>
#include <optional>
#include <utility>
#include <vector>

namespace medius::core {

template <typename T>
void insertAfterSelection(std::vector<T>& items, std::optional<std::size_t>& selected, T item) {
  const std::size_t at = selected ? *selected + 1 : items.size();
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), std::move(item));
  selected = at;
}

// Swaps item `index` with the one before it; false (nothing changed) for the first or past the end.
template <typename T>
bool moveUp(std::vector<T>& items, std::optional<std::size_t>& selected, std::size_t index) {
  if (index == 0 || index >= items.size()) return false;
  std::swap(items[index - 1], items[index]);
  if (selected == index)
    selected = index - 1;
  else if (selected == index - 1)
    selected = index;
  return true;
}

template <typename T>
bool moveDown(std::vector<T>& items, std::optional<std::size_t>& selected, std::size_t index) {
  if (index + 1 >= items.size()) return false;
  return moveUp(items, selected, index + 1);
}

// Removes item `index` (false past the end). The selection stays on the same item; where that was
// the one removed, it goes to the item now in its place, or to the one before when it was the last.
template <typename T>
bool removeAt(std::vector<T>& items, std::optional<std::size_t>& selected, std::size_t index) {
  if (index >= items.size()) return false;
  items.erase(items.begin() + static_cast<std::ptrdiff_t>(index));
  if (items.empty())
    selected.reset();
  else if (selected && (*selected > index || *selected == items.size()))
    selected = *selected - 1;
  return true;
}

}  // namespace medius::core

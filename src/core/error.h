#pragma once
// Errors that cross a layer boundary. Library code throws one of these typed errors with a
// message that names the file, the place and what is wrong; app/main.cpp turns the type into
// the process exit code (usage, input and output errors: 2; no display: 1).
#include <stdexcept>
#include <string>

namespace medius {

// Base of every error Medius reports to a person. The message is complete on its own.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line is wrong: unknown flag, bad value, missing argument.
class UsageError : public Error {
 public:
  using Error::Error;
};

// An input (model, mesh, settings, lesson file) is missing, unreadable or malformed.
class InputError : public Error {
 public:
  using Error::Error;
};

// An output (PNG, settings) could not be written; no partial file is left behind.
class OutputError : public Error {
 public:
  using Error::Error;
};

// The graphics system cannot do what was asked (no context, size beyond the GPU's limits).
class GraphicsError : public Error {
 public:
  using Error::Error;
};

}  // namespace medius

// Reading a whole input (a file or standard input) into memory the analysis may write into.
#pragma once
#include <cstddef>
#include <string>

namespace sso::cli {
// Bytes read from a file or standard input: allocated once at the file's size and never
// zero-filled first (a 30 MB aggregate is written into memory once, by read()). Buffers of 2 MB
// and more come from map_huge() (cli/huge_pages.hpp).
class Bytes {
 public:
  Bytes() = default;
  Bytes(const Bytes&) = delete;
  Bytes& operator=(const Bytes&) = delete;
  ~Bytes();
  char* data() { return data_; }
  std::size_t size() const { return size_; }
  std::string text() const { return std::string(data_, size_); }

 private:
  friend bool read_input(const std::string& file, Bytes& out);
  bool reserve(std::size_t capacity);  // keeps what was read; false when memory is refused
  void release();
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
  std::size_t mapped_ = 0;  // bytes mapped from the kernel, or 0 when allocated with new[]
};

// Reads at most one byte past the input limit, so analyze() can say the input is too large.
// file "-" is standard input. False when it cannot be read.
bool read_input(const std::string& file, Bytes& out);
bool read_input(const std::string& file, std::string& out);
}  // namespace sso::cli

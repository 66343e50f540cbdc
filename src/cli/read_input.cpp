#include "cli/read_input.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <iostream>
#include <new>

#include "cli/huge_pages.hpp"
#include "limits.hpp"

namespace sso::cli {
Bytes::~Bytes() { release(); }

void Bytes::release() {
  if (mapped_) {
    unmap_huge(data_, mapped_);
    data_ = nullptr, mapped_ = 0;
    return;
  }
  delete[] data_;
  data_ = nullptr;
}

bool Bytes::reserve(std::size_t capacity) {
  char* bigger = nullptr;
  std::size_t mapped = 0;
  if (capacity >= kHugePage) bigger = map_huge(capacity, mapped);
  if (!bigger) bigger = new (std::nothrow) char[capacity];
  if (!bigger) return false;
  if (size_) std::memcpy(bigger, data_, size_);
  release();
  data_ = bigger, capacity_ = capacity, mapped_ = mapped;
  return true;
}

bool read_input(const std::string& file, Bytes& out) {
  constexpr std::size_t kMost = limits::kMaxInputBytes + 1;
  std::istream* in = &std::cin;
  std::ifstream f;
  std::size_t capacity = 1 << 16;
  if (file != "-") {
    f.open(file, std::ios::binary);
    if (!f) return false;
    in = &f;
    if (f.seekg(0, std::ios::end)) {
      const std::streamoff size = f.tellg();
      if (size >= 0) capacity = std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(size), kMost));
    }
    f.seekg(0, std::ios::beg);
  }
  out.size_ = 0;
  if (!out.reserve(capacity)) return false;
  while (out.size_ < kMost) {
    if (out.size_ == out.capacity_) {  // standard input, or a file that grew: make room, if more comes
      if (in->peek() == std::char_traits<char>::eof()) break;
      if (!out.reserve(std::min(kMost, out.capacity_ * 2))) return false;
    }
    in->read(out.data_ + out.size_, static_cast<std::streamsize>(out.capacity_ - out.size_));
    if (in->gcount() <= 0) break;
    out.size_ += static_cast<std::size_t>(in->gcount());
  }
  return !in->bad();
}

bool read_input(const std::string& file, std::string& out) {
  Bytes bytes;
  if (!read_input(file, bytes)) return false;
  out = bytes.text();
  return true;
}
}  // namespace sso::cli

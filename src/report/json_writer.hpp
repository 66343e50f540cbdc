// JSON written as it is produced, in the layout the Report has always had (nlohmann::json's
// dump(indent), which the golden files and the byte-for-byte tests hold): keys in the order
// written, two spaces an indent (or none), UTF-8 kept, invalid UTF-8 replaced by U+FFFD.
// Small and fast: the Report is written straight into one string, with no tree built first.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sso {

class JsonWriter {
 public:
  explicit JsonWriter(int indent) : indent_(indent) {}
  JsonWriter(const JsonWriter&) = delete;  // it points into its own string
  JsonWriter& operator=(const JsonWriter&) = delete;

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  JsonWriter& key(std::string_view name);  // then one value
  void value(std::string_view s);
  void value(const char* s) { value(std::string_view(s)); }
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const std::optional<std::string>& s);
  void value(bool b);
  void value(int64_t n);
  void value(uint64_t n);
  void value(int n) { value(static_cast<int64_t>(n)); }
  void null();
  void strings(const std::vector<std::string>& list);

  // Room for about `bytes` of output, asked once before writing (growing a large Report by
  // doubling copied what was written at every step).
  void reserve(std::size_t bytes) {
    if (bytes > capacity_) grow(bytes - size_);
  }
  std::string take() {
    out_.resize(size_);
    data_ = nullptr;
    size_ = capacity_ = 0;
    return std::move(out_);
  }

 private:
  void before_value();
  void newline();
  void string(std::string_view s);

  // The output is written through a pointer into a string kept at least as long as what is
  // written (`size_` bytes of it, cut there by take()). With libc++'s own appends, each a call
  // that checks and may grow, writing the Report was an eighth of analysing 6,000 real entities in
  // wasm; with put(), a sixteenth (Node's profile).
  void put(char c) {
    if (size_ == capacity_) grow(1);
    data_[size_++] = c;
  }
  void put(const char* s, std::size_t n) {
    if (n == 0) return;  // (s may then be null, which memcpy may not be given)
    if (capacity_ - size_ < n) grow(n);
    std::memcpy(data_ + size_, s, n);
    size_ += n;
  }
  void put(std::string_view s) { put(s.data(), s.size()); }
  void grow(std::size_t more);  // room for `more` bytes past size_, at least doubling

  struct Level {
    bool object;
    std::size_t count = 0;
  };
  int indent_;
  std::string out_;
  char* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;  // out_.size()
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace sso

// JSON written as it is produced, in the layout the Report has always had (nlohmann::json's
// dump(indent), which the golden files and the byte-for-byte tests hold): keys in the order
// written, two spaces an indent (or none), UTF-8 kept, invalid UTF-8 replaced by U+FFFD.
// Small and fast: the Report is written straight into one string, with no tree built first.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sso {

class JsonWriter {
 public:
  explicit JsonWriter(int indent) : indent_(indent) {}

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
  // doubling touched every byte twice).
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }

 private:
  void before_value();
  void newline();
  void string(std::string_view s);

  struct Level {
    bool object;
    std::size_t count = 0;
  };
  int indent_;
  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace sso

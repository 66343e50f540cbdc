// The UTF-8 check reads only the bytes it is given: a view that ends on a 32-byte step once read
// the byte after it, and reported the input invalid when that stray byte was not ASCII (seen
// through wasm, where the input is a buffer of its exact size in the module's heap).
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <string_view>

#include "analyze.hpp"
#include "input/input_kind.hpp"

TEST_CASE("the UTF-8 check never reads past the end of its view") {
  std::string buffer(200, 'a');
  for (std::size_t n = 0; n < 160; ++n) {
    buffer.assign(200, 'a');
    buffer[n] = static_cast<char>(0xFF);  // just past the view
    CHECK_MESSAGE(sso::invalid_utf8_offset(std::string_view(buffer.data(), n)) == std::string_view::npos, n);
  }
}

TEST_CASE("the UTF-8 check finds the first bad byte wherever it is, in either pace") {
  for (std::size_t at = 0; at < 100; ++at) {
    std::string text(100, 'x');
    text[at] = static_cast<char>(0xC0);  // an overlong lead byte: never valid
    CHECK(sso::invalid_utf8_offset(text) == at);
    text[at] = 'x';
    text.insert(at, "\xC3\xA9");  // é, valid
    CHECK(sso::invalid_utf8_offset(text) == std::string_view::npos);
  }
  CHECK(sso::invalid_utf8_offset(std::string(64, 'x') + "\xE2\x82") == 64);  // cut short at the end
}

TEST_CASE("analysed in place, an input of 32-byte steps is not judged by the byte after it") {
  const std::string response =
      "PHNhbWxwOlJlc3BvbnNlIHhtbG5zOnNhbWxwPSJ1cm46b2FzaXM6bmFtZXM6dGM6U0FNTDoyLjA6cHJvdG9jb2wiLz4=";
  std::string padded = response;
  while (padded.size() % 32) padded.insert(0, " ");
  auto buffer = std::make_unique<char[]>(padded.size() + 1);
  padded.copy(buffer.get(), padded.size());
  buffer[padded.size()] = static_cast<char>(0xFF);
  const sso::Report report = sso::analyze_in_place(buffer.get(), padded.size(), sso::Options{});
  CHECK_FALSE(report.findings.has(sso::Code::InputInvalidUtf8));
}

// The types Embind knows, cut to the four the boundary's functions use (exports.cpp: void, bool,
// int and unsigned long, which is what uintptr_t and size_t are in wasm32).
// `--bind` links Embind's library file (system/lib/embind/bind.cpp) whole, and it registers every
// builtin type at start-up: chars, shorts, 64-bit integers, floats, std::string, std::wstring and
// its UTF-16 and UTF-32 cousins, emscripten::val, eighteen memory views. Each registration imports
// its JavaScript half into the module factory, used or not. So the module is linked with Embind's
// JavaScript runtime alone (CMakeLists.txt: --js-library embind.js and emval.js), and this file
// defines the two functions that runtime needs from the C++ side: the registration Emscripten's
// start-up runs, with these four types, and __getTypeName. Measured: 2.8 KB gzip of the page
// (1.4 of wasm, 1.4 of the module factory).
// A function whose types this file does not register throws when called, naming the type
// (Embind's UnboundTypeError); the Node suite calls all four.
#include <emscripten.h>
#include <emscripten/bind.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>

namespace {
template <typename T>
void register_integer(const char* name) {
  using emscripten::internal::TypeID;
  emscripten::internal::_embind_register_integer(TypeID<T>::get(), name, sizeof(T), std::numeric_limits<T>::min(),
                                                 std::numeric_limits<T>::max());
}
}  // namespace

extern "C" {
// Embind's JavaScript asks for a type's name when it reports one that was never registered, and
// frees it. The module is compiled without RTTI (EMSCRIPTEN_HAS_UNBOUND_TYPE_NAMES=0), so a type is
// known by the address of its LightTypeID: it is named by that address, in hex, as Embind's own
// bind.cpp does.
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const void* type) {
  static_assert(!emscripten::has_unbound_type_names, "built without RTTI: see CMakeLists.txt");
  char name[2 + 2 * sizeof(std::uintptr_t) + 1] = "0x";
  auto address = reinterpret_cast<std::uintptr_t>(type);
  for (std::size_t i = 0; i < 2 * sizeof(address); ++i)
    name[2 + i] = "0123456789abcdef"[(address >> (4 * (2 * sizeof(address) - 1 - i))) & 0xf];
  name[sizeof(name) - 1] = '\0';
  return strdup(name);
}

__attribute__((constructor)) void __embind_register_native_and_builtin_types() {
  using emscripten::internal::TypeID;
  emscripten::internal::_embind_register_void(TypeID<void>::get(), "void");
  emscripten::internal::_embind_register_bool(TypeID<bool>::get(), "bool", sizeof(bool), true, false);
  register_integer<int>("int");
  register_integer<unsigned long>("unsigned long");
}
}

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

#include <cstdlib>
#include <cstring>
#include <limits>
#include <typeinfo>

namespace {
template <typename T>
void register_integer(const char* name) {
  using emscripten::internal::TypeID;
  emscripten::internal::_embind_register_integer(TypeID<T>::get(), name, sizeof(T), std::numeric_limits<T>::min(),
                                                 std::numeric_limits<T>::max());
}
}  // namespace

extern "C" {
// Embind's JavaScript asks for a type's name when it reports one that was never registered.
EMSCRIPTEN_KEEPALIVE const char* __getTypeName(const std::type_info* type) { return strdup(type->name()); }

EMSCRIPTEN_KEEPALIVE __attribute__((constructor)) void __embind_register_native_and_builtin_types() {
  using emscripten::internal::TypeID;
  emscripten::internal::_embind_register_void(TypeID<void>::get(), "void");
  emscripten::internal::_embind_register_bool(TypeID<bool>::get(), "bool", sizeof(bool), true, false);
  register_integer<int>("int");
  register_integer<unsigned long>("unsigned long");
}
}

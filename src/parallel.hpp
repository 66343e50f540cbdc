// One piece of work run beside the caller's: on a second thread natively, where the machine has
// two cores to give; in place in wasm (no threads there) or when asked to. The work runs to its
// end before the scope is left, whatever way it is left.
#pragma once

#include <functional>
#if !defined(__EMSCRIPTEN__)
#include <thread>
#endif

namespace sso {

// Whether work asked to run beside the caller does (natively), or runs in place (wasm).
#if defined(__EMSCRIPTEN__)
constexpr bool kRunsBeside = false;
#else
constexpr bool kRunsBeside = true;
#endif

class ParallelIf {
 public:
  // Runs `work` when `wanted`: beside the caller when `beside` (natively), else now.
  ParallelIf(bool wanted, bool beside, std::function<void()> work) {
    if (!wanted) return;
#if !defined(__EMSCRIPTEN__)
    if (beside) {
      thread_ = std::thread(std::move(work));
      return;
    }
#else
    (void)beside;
#endif
    work();
  }
  ~ParallelIf() {
#if !defined(__EMSCRIPTEN__)
    if (thread_.joinable()) thread_.join();
#endif
  }
  ParallelIf(const ParallelIf&) = delete;
  ParallelIf& operator=(const ParallelIf&) = delete;

 private:
#if !defined(__EMSCRIPTEN__)
  std::thread thread_;
#endif
};

}  // namespace sso

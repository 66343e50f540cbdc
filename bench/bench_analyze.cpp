// In-process timing of analyze() natively on one file: the first call (certificates decoded for
// the first time) and the mean of repeated calls (as the page re-analyses while the admin types).
// Usage: bench_analyze FILE REPETITIONS [CERTIFICATE CONNECTION_ID]
// (prints: first_call_us repeated_call_us; with a certificate, a response is verified with it)
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "analyze.hpp"
#include "report/json.hpp"

int main(int argc, char** argv) {
  if (argc < 3) return 2;
  std::ifstream f(argv[1], std::ios::binary);
  std::stringstream s;
  s << f.rdbuf();
  const std::string input = s.str();
  const int reps = std::stoi(argv[2]);
  sso::Options options;
  if (argc >= 5) {
    std::ifstream c(argv[3], std::ios::binary);
    std::stringstream cs;
    cs << c.rdbuf();
    options.certificate = cs.str();
    options.connectionId = argv[4];
  }
  std::size_t sink = 0;
  using clock = std::chrono::steady_clock;
  auto start = clock::now();
  sink += sso::report_json(sso::analyze(input, options)).size();
  const double first = std::chrono::duration<double, std::micro>(clock::now() - start).count();
  start = clock::now();
  for (int i = 0; i < reps; ++i) sink += sso::report_json(sso::analyze(input, options)).size();
  const double repeated = std::chrono::duration<double, std::micro>(clock::now() - start).count() / reps;
  std::printf("%.1f %.1f\n", first, repeated);
  return sink == 0 ? 1 : 0;  // uses the output, so the calls cannot be optimised away
}

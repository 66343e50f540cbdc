/* What uriparser's CMake would generate; we compile its sources ourselves. */
#ifndef URI_CONFIG_H
#define URI_CONFIG_H 1
#define PACKAGE_VERSION "0.9.8"
#endif

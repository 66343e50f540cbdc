// The floor under our pipeline: pugixml as anyone would use it, with its defaults (the file
// loaded and copied, parse_default, the usual node layout), every element visited once. Prints
// the number of elements and attributes. Not our code path: a yardstick for the bench.
// Usage: pugixml_floor FILE
#define PUGIXML_HEADER_ONLY
#include <cstdio>

#include "pugixml.hpp"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  pugi::xml_document doc;
  if (!doc.load_file(argv[1])) return 1;
  unsigned long elements = 0, attributes = 0;
  for (pugi::xml_node n = doc.first_child(); n;) {
    if (n.type() == pugi::node_element) {
      ++elements;
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) ++attributes;
    }
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && !n.next_sibling()) n = n.parent();
    if (n) n = n.next_sibling();
  }
  std::printf("%lu elements, %lu attributes\n", elements, attributes);
  return 0;
}

#include "xml/document.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "input/text.hpp"
#include "limits.hpp"
#include "xml/names.hpp"

namespace sso {

namespace {
using Status = XmlParseResult::Status;

// A qualified name read in one pass: its prefix (empty without a colon) and whether it is valid
// by Namespaces in XML (at most one colon, with something on both sides of it).
struct QName {
  std::string_view name;
  std::string_view prefix;
  bool valid = true;
};
QName split_qname(const char* text) {
  QName q;
  std::size_t colon = std::string_view::npos, i = 0;
  for (; text[i]; ++i) {
    if (text[i] != ':') continue;
    if (colon != std::string_view::npos) q.valid = false;
    colon = i;
  }
  q.name = std::string_view(text, i);
  if (colon != std::string_view::npos) {
    q.prefix = q.name.substr(0, colon);
    if (colon == 0 || colon + 1 == i) q.valid = false;
  }
  return q;
}

std::string_view prefix_of(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
}

std::string_view after_colon(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// Whether a DOCTYPE or ENTITY declaration ("<!" and the word, in any case) starts at the '!'
// at `bang`, and which.
enum class Declaration { None, Doctype, Entity };
Declaration declaration_at(std::string_view text, std::size_t bang) {
  if (bang == 0 || text[bang - 1] != '<') return Declaration::None;
  const auto is = [&](std::string_view word) {
    std::size_t k = 0;
    while (k < word.size() && bang + 1 + k < text.size() && (text[bang + 1 + k] | 0x20) == (word[k] | 0x20)) ++k;
    return k == word.size();
  };
  return is("DOCTYPE") ? Declaration::Doctype : is("ENTITY") ? Declaration::Entity : Declaration::None;
}

// Bytes the pass before parsing stops at: control characters (and line feeds, recorded), the '!'
// of a declaration, and the two that tell the checks after parsing whether any value may need
// them ('&' of a reference, ']' of "]]>").
bool stops_survey(unsigned char c) { return c < 0x20 || c == '!' || c == '&' || c == ']'; }

// The first byte at or after `from` that stops the survey, skipping eight bytes at a time where
// none is.
std::size_t next_survey_stop(std::string_view text, std::size_t from) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  std::size_t i = from;
#if defined(__SSE2__)
  // Natively on x86-64 (SSE2 is part of it): sixteen bytes a step, each stop exact in the mask.
  const __m128i below = _mm_set1_epi8(0x1F), bang = _mm_set1_epi8('!'), amp = _mm_set1_epi8('&'),
                bracket = _mm_set1_epi8(']');
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, below), v);  // v <= 0x1F, unsigned
    const __m128i stops = _mm_or_si128(_mm_or_si128(control, _mm_cmpeq_epi8(v, bang)),
                                       _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, bracket)));
    if (const int mask = _mm_movemask_epi8(stops)) return i + static_cast<unsigned>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    // A byte under 0x20 exists where subtracting 0x20 borrows into a byte whose top bit was clear;
    // a byte equal to c where the word XOR c-in-every-byte has a zero byte.
    const uint64_t bang = word ^ (kOnes * '!'), amp = word ^ (kOnes * '&'), bracket = word ^ (kOnes * ']');
    if ((((word - kOnes * 0x20) & ~word) | ((bang - kOnes) & ~bang) | ((amp - kOnes) & ~amp) |
         ((bracket - kOnes) & ~bracket)) &
        kHighs)
      break;
  }
  for (; i < text.size(); ++i)
    if (stops_survey(p[i])) return i;
  return text.size();
}

// What a value's bytes hold that the checks care about, in one pass (and its length).
enum ValueBytes : unsigned { kLessThan = 1, kNormalized = 2 };
struct ValueScan {
  std::string_view text;
  unsigned holds = 0;
};
// In an attribute's value: '<' (not allowed), and what attribute-value normalization changes
// (references, line ends and the white space it makes spaces).
ValueScan scan_attribute_value(const char* value) {
  static const auto table = [] {
    std::array<uint8_t, 256> t{};
    t['<'] = kLessThan;
    for (const unsigned char c : {'&', '\r', '\n', '\t'}) t[c] = kNormalized;
    return t;
  }();
  ValueScan scan;
  std::size_t i = 0;
  for (; value[i]; ++i) scan.holds |= table[static_cast<unsigned char>(value[i])];
  scan.text = std::string_view(value, i);
  return scan;
}

struct Binding {
  std::string_view prefix;
  std::string_view uri;
};

// The in-scope namespace declarations while walking the tree once.
class Scope {
 public:
  void enter() { marks_.push_back(bindings_.size()); }
  void leave() {
    bindings_.resize(marks_.back());
    marks_.pop_back();
  }
  void bind(std::string_view prefix, std::string_view uri) { bindings_.push_back({prefix, uri}); }
  // nullptr: the prefix is not declared.
  const std::string_view* resolve(std::string_view prefix) const {
    for (std::size_t i = bindings_.size(); i-- > 0;)
      if (bindings_[i].prefix == prefix) return &bindings_[i].uri;
    return nullptr;
  }

 private:
  std::vector<Binding> bindings_;
  std::vector<std::size_t> marks_;
};

bool xml_char(uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

// What a value holds that XML's rules change: references, line ends, and in attributes the white
// space that attribute-value normalization turns into spaces.
bool needs_normalizing(const char* value, bool attribute) {
  return std::strpbrk(value, attribute ? "&\r\n\t" : "&\r") != nullptr;
}

// The value as XML reads it: line ends normalized ("\r\n" and "\r" to "\n"), references to the
// five entities and characters replaced, and in attributes each white-space character made a
// space. With no DTD, every other reference is undefined: false, with `bad` naming it.
bool normalize(std::string_view raw, bool attribute, std::string& out, std::string& bad) {
  out.clear();
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    const char c = raw[i];
    if (c == '\r') {
      out += attribute ? ' ' : '\n';
      i += i + 1 < raw.size() && raw[i + 1] == '\n' ? 2 : 1;
      continue;
    }
    if (attribute && (c == '\n' || c == '\t')) {
      out += ' ';
      ++i;
      continue;
    }
    if (c != '&') {
      out += c;
      ++i;
      continue;
    }
    const std::size_t end = raw.find(';', i);
    const std::string_view ref = raw.substr(i + 1, end == std::string_view::npos ? 0 : end - i - 1);
    bad = std::string(raw.substr(i, std::min<std::size_t>(end == std::string_view::npos ? 12 : end - i + 1, 24)));
    if (end == std::string_view::npos || ref.empty()) return false;
    static const std::pair<std::string_view, char> kEntities[] = {
        {"lt", '<'}, {"gt", '>'}, {"amp", '&'}, {"quot", '"'}, {"apos", '\''}};
    bool done = false;
    for (const auto& [name, replacement] : kEntities)
      if (ref == name) {
        out += replacement;
        done = true;
      }
    if (!done) {
      if (ref[0] != '#' || ref.size() < 2) return false;
      const bool hex = ref[1] == 'x';
      const std::string_view digits = ref.substr(hex ? 2 : 1);
      if (digits.empty() || digits.size() > 8) return false;
      uint32_t cp = 0;
      for (char d : digits) {
        const int v = d >= '0' && d <= '9' ? d - '0'
                      : hex && d >= 'a' && d <= 'f' ? d - 'a' + 10
                      : hex && d >= 'A' && d <= 'F' ? d - 'A' + 10
                                                    : -1;
        if (v < 0) return false;
        cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
      }
      if (!xml_char(cp)) return false;
      append_utf8(out, cp);
    }
    i = end + 1;
  }
  return true;
}

bool is_whitespace_only(const char* s) {
  for (; *s; ++s)
    if (!is_ascii_space(*s) || *s == '\f' || *s == '\v') return false;
  return true;
}
}  // namespace

XmlParseResult XmlDocument::fail(Status status, std::size_t offset, std::string what, std::string remedy) {
  XmlParseResult r;
  r.status = status;
  r.offset = offset;
  line_and_column(offset, r.line, r.column);
  r.description = std::move(what);
  r.remedy = std::move(remedy);
  doc_.reset();
  collected_.clear();
  return r;
}

XmlParseResult XmlDocument::parse(char* data, std::size_t size, XmlParseOptions options) {
  doc_.reset();
  text_ = std::string_view(data, size);
  keep_whitespace_ = options.keepWhitespace;
  collect_namespace_ = options.collectNamespace;
  collect_local_name_ = options.collectLocalName;
  collected_.clear();
  newlines_.clear();
  newlines_.reserve(size / 48);  // metadata's lines are mostly 40 to 120 bytes long
  // One pass before parsing. A DOCTYPE or an entity declaration is refused wherever it is, ahead
  // of anything else: no DTD is ever read. Control characters are not XML; pugixml would also
  // stop reading at a NUL. The pass records where lines end, so that places stay exact after
  // parsing in place, and whether the text holds a reference, a carriage return or "]]>"
  // anywhere: where it holds none, no text value needs looking at again after parsing (most
  // metadata).
  survey_ = {};
  std::size_t control = std::string_view::npos;  // the first control character
  for (std::size_t i = next_survey_stop(text_, 0); i < text_.size(); i = next_survey_stop(text_, i + 1)) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c == '\n') {
      newlines_.push_back(static_cast<uint32_t>(i));
    } else if (c == '!') {
      if (const Declaration declaration = declaration_at(text_, i); declaration != Declaration::None)
        return fail(Status::Doctype, i - 1,
                    std::string("The XML holds a ") + (declaration == Declaration::Doctype ? "DOCTYPE" : "entity declaration") +
                        " at " + place(i - 1),
                    "Remove it and paste again.");
    } else if (c == '&') {
      survey_.ampersand = true;
    } else if (c == ']') {
      survey_.cdata_end = survey_.cdata_end || text_.compare(i, 3, "]]>") == 0;
    } else if (c == '\r') {
      survey_.carriage_return = true;
    } else if (c != '\t' && control == std::string_view::npos) {
      control = i;
    }
  }
  if (control != std::string_view::npos) {
    const auto c = static_cast<unsigned char>(text_[control]);
    static const char hex[] = "0123456789ABCDEF";
    return fail(Status::Malformed, control,
                std::string("control character U+00") + hex[c >> 4] + hex[c & 15] + " at " + place(control),
                "Paste the text again.");
  }
  // Values are read raw (no escapes, line-end or white-space conversion), so that pugixml only
  // ever writes terminators into the text; normalize_values() does the rest after checking.
  // parse_fragment keeps text outside the root, which pugixml otherwise drops without a word.
  unsigned flags = pugi::parse_cdata | pugi::parse_comments | pugi::parse_pi | pugi::parse_declaration | pugi::parse_fragment;
  if (options.keepWhitespace) flags |= pugi::parse_ws_pcdata;
  const pugi::xml_parse_result result = doc_.load_buffer_inplace(data, size, flags, pugi::encoding_utf8);
  if (result.status == pugi::status_out_of_memory)
    return fail(Status::OutOfMemory, 0, "The document needs more memory than the helper may use", "");
  if (!result) {
    const std::size_t at = result.offset > 0 ? static_cast<std::size_t>(result.offset) : 0;
    return fail(Status::Malformed, at, std::string(result.description()) + " at " + place(at),
                "Copy the whole document again (it may be cut short).");
  }
  XmlParseResult checked = check_document_level();
  if (checked) checked = check_elements();
  return checked;
}

XmlParseResult XmlDocument::check_document_level() {
  bool root_seen = false;
  for (pugi::xml_node node = doc_.first_child(); node; node = node.next_sibling()) {
    switch (node.type()) {
      case pugi::node_declaration:
        // First, after nothing but a UTF-8 byte order mark (an encoding signature, not content).
        if (node != doc_.first_child() || offset_of(node) != (text_.substr(0, 3) == "\xEF\xBB\xBF" ? 3u : 0u))
          return fail(Status::Malformed, offset_of(node),
                      "the XML declaration (<?xml ...?>) must be the very first thing, but it is at " +
                          place(offset_of(node)),
                      "Delete what comes before it.");
        break;
      case pugi::node_element:
        if (root_seen)
          return fail(Status::Malformed, offset_of(node),
                      "junk after document element at " + place(offset_of(node)) + ": a second root element",
                      "Paste one XML document at a time.");
        root_seen = true;
        break;
      case pugi::node_pcdata:
        if (is_whitespace_only(node.value())) break;
        [[fallthrough]];
      case pugi::node_cdata:
        return fail(Status::Malformed, offset_of(node), "text outside the root element", "Paste only the XML document.");
      default: break;
    }
  }
  if (!root_seen) return fail(Status::Malformed, 0, "no root element", "");
  return {};
}

// Walks every element once, in document order, checking what pugixml does not; values are
// normalized only once all of the document has passed, so every place reported is exact.
XmlParseResult XmlDocument::check_elements() {
  Scope scope;
  scope.bind("xml", ns::kXml);
  std::size_t depth = 0;
  std::vector<pugi::xml_node> to_normalize;
  std::deque<std::string> normalized_uris;  // stable storage for the scope's views
  std::string scratch, bad;
  std::vector<QName> names;  // the attributes' names of the element being checked
  auto malformed = [&](pugi::xml_node node, const std::string& what) {
    return fail(Status::Malformed, offset_of(node),
                what + " (in <" + std::string(node.name()) + "> at " + place(offset_of(node)) + ")", "");
  };
  auto not_namespace_valid = [&](pugi::xml_node node, const std::string& what, const char* remedy = "") {
    return fail(Status::NotNamespaceValid, offset_of(node), what + " (at " + place(offset_of(node)) + ")", remedy);
  };
  pugi::xml_node node = doc_.document_element();
  while (node) {
    ++depth;
    if (depth > limits::kMaxDepth)
      return fail(Status::TooDeep, offset_of(node),
                  "Elements are nested more than " + std::to_string(limits::kMaxDepth) + " deep (at " +
                      place(offset_of(node)) + ")",
                  "");
    scope.enter();
    bool normalize_here = false;
    // Each attribute's name is read once, here, and kept for the checks below, which resolve its
    // prefix once every declaration on this element is bound.
    names.clear();
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
      if (names.size() == limits::kMaxAttributesPerElement)
        return fail(Status::TooManyAttributes, offset_of(node),
                    "An element has more than " + std::to_string(limits::kMaxAttributesPerElement) + " attributes (at " +
                        place(offset_of(node)) + ")",
                    "");
      const std::string_view name = names.emplace_back(split_qname(a.name())).name;
      const bool declaration = name.substr(0, 5) == "xmlns";
      const ValueScan scan = scan_attribute_value(a.value());
      std::string_view value = scan.text;
      if (scan.holds & kLessThan) return malformed(node, "'<' in the value of attribute " + std::string(name));
      if (scan.holds & kNormalized) {
        if (!normalize(value, true, scratch, bad))
          return malformed(node, "the reference " + bad + " in attribute " + std::string(name) + " is not defined");
        normalize_here = true;
        // A namespace is bound below by its normalized value.
        if (declaration) value = normalized_uris.emplace_back(scratch);
      }
      if (!declaration) continue;
      if (name.size() == 5) {
        scope.bind("", value);
      } else if (name[5] == ':') {
        if (value.empty()) return not_namespace_valid(node, std::string(name) + " is declared empty");
        scope.bind(name.substr(6), value);
      }
    }
    pugi::xml_node first_element;  // the first child element, where the walk goes next
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      const pugi::xml_node_type type = child.type();
      if (type == pugi::node_element) {
        if (!first_element) first_element = child;
      } else if (type == pugi::node_pcdata) {
        const char* value = child.value();
        if (survey_.cdata_end && std::string_view(value).find("]]>") != std::string_view::npos) return malformed(node, "\"]]>\" in text");
        if ((survey_.ampersand || survey_.carriage_return) && needs_normalizing(value, false)) {
          if (!normalize(value, false, scratch, bad)) return malformed(node, "the reference " + bad + " is not defined");
          normalize_here = true;
        }
      } else if (survey_.carriage_return &&
                 (type == pugi::node_cdata || type == pugi::node_comment || type == pugi::node_pi) &&
                 std::strchr(child.value(), '\r')) {
        normalize_here = true;
      }
    }
    if (normalize_here) to_normalize.push_back(node);
    const QName element = split_qname(node.name());
    const std::string_view qname = element.name, prefix = element.prefix;
    if (!element.valid)
      return not_namespace_valid(node, "the name <" + std::string(qname) + "> has more than one ':' or an empty part");
    if (!prefix.empty() && !scope.resolve(prefix))
      return not_namespace_valid(node, "the prefix \"" + std::string(prefix) + "\" of <" + std::string(qname) +
                                           "> is not declared",
                                 "Copy the whole document, with its xmlns declarations.");
    if (!collect_local_name_.empty() && qname.substr(prefix.empty() ? 0 : prefix.size() + 1) == collect_local_name_) {
      const std::string_view* uri = scope.resolve(prefix);
      if (uri && *uri == collect_namespace_) collected_.push_back(node);
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string_view name = names[i].name, attr_prefix = names[i].prefix;
      if (!names[i].valid)
        return not_namespace_valid(node, "the attribute name " + std::string(name) +
                                             " has more than one ':' or an empty part");
      if (!attr_prefix.empty() && attr_prefix != "xmlns" && !scope.resolve(attr_prefix))
        return not_namespace_valid(node, "the prefix \"" + std::string(attr_prefix) + "\" of attribute " +
                                             std::string(name) + " is not declared");
      for (std::size_t j = i + 1; j < names.size(); ++j) {
        const std::string_view other = names[j].name;
        bool same = other == name;
        if (!same && !attr_prefix.empty() && attr_prefix != "xmlns" && after_colon(other) == after_colon(name) &&
            !prefix_of(other).empty() && prefix_of(other) != "xmlns") {
          const std::string_view* u1 = scope.resolve(attr_prefix);
          const std::string_view* u2 = scope.resolve(prefix_of(other));
          same = u1 && u2 && *u1 == *u2;
        }
        if (same)
          return fail(Status::Malformed, offset_of(node),
                      "attribute " + std::string(name) + " appears twice on <" + std::string(qname) + "> (at " +
                          place(offset_of(node)) + ")",
                      "");
      }
    }

    // Next element in document order: first child, else next sibling, else an ancestor's sibling.
    if (first_element) {
      node = first_element;
      continue;
    }
    for (;;) {
      scope.leave();
      --depth;
      pugi::xml_node sibling = node.next_sibling();
      while (sibling && sibling.type() != pugi::node_element) sibling = sibling.next_sibling();
      if (sibling) {
        node = sibling;
        break;
      }
      node = node.parent();
      if (!node || node.type() != pugi::node_element) {
        node = pugi::xml_node();
        break;
      }
    }
  }
  for (pugi::xml_node n : to_normalize) {
    if (XmlParseResult r = normalize_values(n); !r) return r;
  }
  // And what sits outside the root: comments and processing instructions have line ends too.
  return normalize_values(doc_);
}

// Writes each value of `node` (its attributes and its children's text) as XML reads it. A value
// never grows by normalizing, except where a character reference stands for a longer UTF-8
// sequence; pugixml copies those.
XmlParseResult XmlDocument::normalize_values(pugi::xml_node node) {
  std::string out, bad;
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute())
    if (needs_normalizing(a.value(), true) && normalize(a.value(), true, out, bad)) a.set_value(out.c_str());
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    const pugi::xml_node_type type = child.type();
    if (type == pugi::node_pcdata && needs_normalizing(child.value(), false)) {
      if (normalize(child.value(), false, out, bad)) child.set_value(out.c_str());
    } else if ((type == pugi::node_cdata || type == pugi::node_comment || type == pugi::node_pi) &&
               std::strchr(child.value(), '\r')) {
      // Line ends only: CDATA, comments and processing instructions hold no references.
      out.clear();
      for (const char* p = child.value(); *p; ++p) {
        if (*p == '\r') {
          out += '\n';
          if (p[1] == '\n') ++p;
        } else {
          out += *p;
        }
      }
      child.set_value(out.c_str());
    }
  }
  if (!doc_) return fail(Status::OutOfMemory, 0, "The document needs more memory than the helper may use", "");
  return {};
}

std::size_t XmlDocument::offset_of(pugi::xml_node node) const {
  const std::ptrdiff_t off = node.offset_debug();
  if (off <= 0) return 0;
  // offset_debug points at the name of an element, a declaration or a processing instruction
  // (after '<' or '<?'), and at the value of text, CDATA or a comment.
  switch (node.type()) {
    case pugi::node_element: return static_cast<std::size_t>(off - 1);
    case pugi::node_declaration:
    case pugi::node_pi: return static_cast<std::size_t>(off >= 2 ? off - 2 : 0);
    default: return static_cast<std::size_t>(off);
  }
}

void XmlDocument::line_and_column(std::size_t offset, std::size_t& line, std::size_t& column) const {
  if (offset > text_.size()) offset = text_.size();
  // Lines from the line feeds recorded before parsing; columns count characters (UTF-8 lead
  // bytes) from the line's start, which parsing in place never changes in number.
  const auto after = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<uint32_t>(offset));
  line = static_cast<std::size_t>(after - newlines_.begin()) + 1;
  const std::size_t line_start = after == newlines_.begin() ? 0 : *(after - 1) + 1;
  column = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
}

std::string XmlDocument::place(std::size_t offset) const {
  std::size_t line = 0, column = 0;
  line_and_column(offset, line, column);
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace sso

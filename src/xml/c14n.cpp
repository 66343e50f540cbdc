#include "xml/c14n.hpp"

#include <algorithm>
#include <cstring>

#include "xml/names.hpp"

namespace sso {

bool c14n_method_of(std::string_view uri, C14nMethod& method) {
  if (uri == c14n_uri::kInclusive) method = C14nMethod::Inclusive;
  else if (uri == c14n_uri::kInclusiveWithComments) method = C14nMethod::InclusiveWithComments;
  else if (uri == c14n_uri::kExclusive) method = C14nMethod::Exclusive;
  else if (uri == c14n_uri::kExclusiveWithComments) method = C14nMethod::ExclusiveWithComments;
  else return false;
  return true;
}

bool is_exclusive(C14nMethod method) {
  return method == C14nMethod::Exclusive || method == C14nMethod::ExclusiveWithComments;
}

namespace {
struct Binding {
  std::string_view prefix;
  std::string_view uri;
};

struct Attribute {
  std::string_view uri;
  std::string_view local;
  std::string_view qname;
  std::string_view value;
};

// Sorts `v` by `less` in place in n log n steps whatever the order it is given in (heapsort). An
// element's namespace declarations and attributes are few, and no two have the same key, so any
// correct sort gives the same order; std::sort's introsort, instantiated for both, was 6 KB of
// the wasm module.
template <typename T, typename Less>
void heap_sort(std::vector<T>& v, Less less) {
  const auto sift_down = [&](std::size_t root, std::size_t end) {
    for (std::size_t child = 2 * root + 1; child < end; root = child, child = 2 * root + 1) {
      if (child + 1 < end && less(v[child], v[child + 1])) ++child;
      if (!less(v[root], v[child])) return;
      std::swap(v[root], v[child]);
    }
  };
  for (std::size_t i = v.size() / 2; i-- > 0;) sift_down(i, v.size());
  for (std::size_t end = v.size(); end-- > 1;) {
    std::swap(v[0], v[end]);
    sift_down(0, end);
  }
}

std::string_view prefix_of(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? std::string_view() : qname.substr(0, colon);
}

std::string_view local_of(std::string_view qname) {
  const std::size_t colon = qname.find(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

bool is_namespace_declaration(std::string_view name) {
  return name == "xmlns" || name.substr(0, 6) == "xmlns:";
}

// Writes the canonical form of one subtree. Namespaces: `inscope_` holds the declarations in
// force in the document at the element being written, `rendered_` those the output has already
// declared on an output ancestor; a declaration is written where the two differ (and, for the
// exclusive method, only for the prefixes the element visibly uses).
class Canonicalizer {
 public:
  Canonicalizer(const C14nRequest& request, ByteSink& sink) : request_(request), sink_(sink) {
    with_comments_ = !request.dropComments && (request.method == C14nMethod::InclusiveWithComments ||
                                               request.method == C14nMethod::ExclusiveWithComments);
    exclusive_ = is_exclusive(request.method);
    buffer_.reserve(kFlushAt + 4096);
  }

  void run(pugi::xml_node apex) {
    if (apex.type() == pugi::node_document) {
      document(apex);
    } else {
      context_of(apex);
      element(apex, true);
    }
    flush();
  }

 private:
  static constexpr std::size_t kFlushAt = 1 << 16;

  void out(std::string_view s) {
    buffer_.append(s.data(), s.size());
    if (buffer_.size() >= kFlushAt) flush();
  }
  void flush() {
    if (!buffer_.empty()) sink_.write(buffer_.data(), buffer_.size());
    buffer_.clear();
  }

  void text(const char* s) {
    const char* run = s;
    for (const char* p = s; *p; ++p) {
      const char* replacement = nullptr;
      switch (*p) {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '\r': replacement = "&#xD;"; break;
        default: continue;
      }
      out(std::string_view(run, static_cast<std::size_t>(p - run)));
      out(replacement);
      run = p + 1;
    }
    out(run);
  }

  void attribute_value(std::string_view s) {
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char* replacement = nullptr;
      switch (s[i]) {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '"': replacement = "&quot;"; break;
        case '\t': replacement = "&#x9;"; break;
        case '\n': replacement = "&#xA;"; break;
        case '\r': replacement = "&#xD;"; break;
        default: continue;
      }
      out(s.substr(run, i - run));
      out(replacement);
      run = i + 1;
    }
    out(s.substr(run));
  }

  static const std::string_view* find(const std::vector<Binding>& list, std::string_view prefix) {
    for (std::size_t i = list.size(); i-- > 0;)
      if (list[i].prefix == prefix) return &list[i].uri;
    return nullptr;
  }

  // The namespaces (and, inclusive, the xml: attributes) the apex inherits from its ancestors.
  void context_of(pugi::xml_node apex) {
    std::vector<pugi::xml_node> ancestors;
    for (pugi::xml_node n = apex.parent(); n && n.type() == pugi::node_element; n = n.parent()) ancestors.push_back(n);
    for (std::size_t i = ancestors.size(); i-- > 0;) {
      for (pugi::xml_attribute a = ancestors[i].first_attribute(); a; a = a.next_attribute()) {
        const std::string_view name = a.name();
        if (name == "xmlns") {
          inscope_.push_back({"", a.value()});
        } else if (name.substr(0, 6) == "xmlns:") {
          inscope_.push_back({name.substr(6), a.value()});
        } else if (!exclusive_ && name.substr(0, 4) == "xml:") {
          // Canonical XML 1.0 copies the xml: attributes in force onto the apex (the nearest wins).
          auto same = std::find_if(inherited_.begin(), inherited_.end(),
                                   [&](const Attribute& x) { return x.qname == name; });
          const Attribute attr{ns::kXml, name.substr(4), name, a.value()};
          if (same == inherited_.end()) inherited_.push_back(attr);
          else *same = attr;
        }
      }
    }
  }

  // Decides, by the method's rule, whether `prefix` (bound to `uri` here) is declared on output.
  // Each prefix is decided once per element, by its nearest binding (`seen` remembers which).
  void consider(std::string_view prefix, std::string_view uri, std::vector<Binding>& emit,
                std::vector<std::string_view>& seen) {
    if (prefix == "xml" || std::find(seen.begin(), seen.end(), prefix) != seen.end()) return;
    seen.push_back(prefix);
    const std::string_view* rendered = find(rendered_, prefix);
    if (prefix.empty() && uri.empty()) {
      // xmlns="" only undoes a default namespace an output ancestor declared.
      if (rendered && !rendered->empty()) emit.push_back({"", ""});
      return;
    }
    if (!rendered || *rendered != uri) emit.push_back({prefix, uri});
  }

  void element(pugi::xml_node e, bool apex) {
    const std::size_t inscope_mark = inscope_.size(), rendered_mark = rendered_.size();
    std::vector<Attribute> attributes;
    for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (name == "xmlns") inscope_.push_back({"", a.value()});
      else if (name.substr(0, 6) == "xmlns:") inscope_.push_back({name.substr(6), a.value()});
    }
    for (pugi::xml_attribute a = e.first_attribute(); a; a = a.next_attribute()) {
      const std::string_view name = a.name();
      if (is_namespace_declaration(name)) continue;
      const std::string_view prefix = prefix_of(name);
      std::string_view uri;
      if (prefix == "xml") {
        uri = ns::kXml;
      } else if (!prefix.empty()) {
        const std::string_view* bound = find(inscope_, prefix);
        uri = bound ? *bound : std::string_view();
      }
      attributes.push_back({uri, local_of(name), name, a.value()});
    }
    if (apex)
      for (const Attribute& inherited : inherited_)
        if (std::none_of(attributes.begin(), attributes.end(), [&](const Attribute& x) { return x.qname == inherited.qname; }))
          attributes.push_back(inherited);

    std::vector<Binding> emit;
    std::vector<std::string_view> seen;
    const std::string_view qname = e.name();
    if (exclusive_) {
      const std::string_view own = prefix_of(qname);
      const std::string_view* bound = find(inscope_, own);
      consider(own, bound ? *bound : std::string_view(), emit, seen);
      for (const Attribute& a : attributes) {
        const std::string_view p = prefix_of(a.qname);
        if (!p.empty()) consider(p, a.uri, emit, seen);
      }
      for (const std::string& listed : request_.inclusivePrefixes) {
        const std::string_view p = listed == "#default" ? std::string_view() : std::string_view(listed);
        const std::string_view* in = find(inscope_, p);
        if (in || p.empty()) consider(p, in ? *in : std::string_view(), emit, seen);
      }
    } else {
      for (std::size_t i = inscope_.size(); i-- > 0;) consider(inscope_[i].prefix, inscope_[i].uri, emit, seen);
      consider("", "", emit, seen);  // no default namespace in scope: undo a rendered one
    }
    heap_sort(emit, [](const Binding& a, const Binding& b) { return a.prefix < b.prefix; });
    for (const Binding& b : emit) rendered_.push_back(b);
    heap_sort(attributes, [](const Attribute& a, const Attribute& b) {
      return a.uri != b.uri ? a.uri < b.uri : a.local < b.local;
    });

    out("<");
    out(qname);
    for (const Binding& b : emit) {
      out(b.prefix.empty() ? " xmlns=\"" : " xmlns:");
      if (!b.prefix.empty()) {
        out(b.prefix);
        out("=\"");
      }
      attribute_value(b.uri);
      out("\"");
    }
    for (const Attribute& a : attributes) {
      out(" ");
      out(a.qname);
      out("=\"");
      attribute_value(a.value);
      out("\"");
    }
    out(">");
    for (pugi::xml_node c = e.first_child(); c; c = c.next_sibling()) {
      if (c == request_.excluded) continue;
      switch (c.type()) {
        case pugi::node_element: element(c, false); break;
        case pugi::node_pcdata:
        case pugi::node_cdata: text(c.value()); break;
        case pugi::node_comment:
          if (with_comments_) comment(c);
          break;
        case pugi::node_pi: processing_instruction(c); break;
        default: break;
      }
    }
    out("</");
    out(qname);
    out(">");
    inscope_.resize(inscope_mark);
    rendered_.resize(rendered_mark);
  }

  void comment(pugi::xml_node c) {
    out("<!--");
    out(c.value());
    out("-->");
  }

  void processing_instruction(pugi::xml_node pi) {
    out("<?");
    out(pi.name());
    if (*pi.value()) {
      out(" ");
      out(pi.value());
    }
    out("?>");
  }

  // The whole document: the root element, with the processing instructions (and comments)
  // around it each on its own line; no XML declaration, no white space outside the root.
  void document(pugi::xml_node doc) {
    bool after_root = false;
    for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling()) {
      if (c == request_.excluded) continue;
      const bool is_comment = c.type() == pugi::node_comment;
      if (c.type() == pugi::node_element) {
        element(c, true);
        after_root = true;
      } else if (c.type() == pugi::node_pi || (is_comment && with_comments_)) {
        if (after_root) out("\n");
        if (is_comment) comment(c);
        else processing_instruction(c);
        if (!after_root) out("\n");
      }
    }
  }

  const C14nRequest& request_;
  ByteSink& sink_;
  bool with_comments_ = false;
  bool exclusive_ = true;
  std::vector<Binding> inscope_;
  std::vector<Binding> rendered_;
  std::vector<Attribute> inherited_;
  std::string buffer_;
};
}  // namespace

void canonicalize(pugi::xml_node apex, const C14nRequest& request, ByteSink& sink) {
  Canonicalizer(request, sink).run(apex);
}

}  // namespace sso

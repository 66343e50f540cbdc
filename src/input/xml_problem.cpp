#include "input/xml_problem.hpp"

namespace sso {

void report_xml_problem(const XmlParseResult& problem, Findings& findings) {
  using Status = XmlParseResult::Status;
  const std::string remedy = problem.remedy.empty() ? "" : " " + problem.remedy;
  switch (problem.status) {
    case Status::Ok: return;
    case Status::Doctype:
      findings.add(Code::XmlDoctype, problem.description +
                                         ". SAML never needs one, and it can make a parser read files or expand "
                                         "entities without end, so it is refused." + remedy);
      return;
    case Status::Malformed:
      findings.add(Code::XmlMalformed, "Not well-formed XML: " + problem.description + "." + remedy);
      return;
    case Status::NotNamespaceValid:
      findings.add(Code::XmlMalformed, "Not namespace-valid XML: " + problem.description + "." + remedy);
      return;
    case Status::TooDeep:
      findings.add(Code::XmlTooDeep, problem.description +
                                         "; SAML metadata and responses nest about 10 deep. This is not a document "
                                         "we can read.");
      return;
    case Status::TooManyAttributes: findings.add(Code::XmlTooManyAttributes, problem.description + "."); return;
    case Status::OutOfMemory:
      findings.add(Code::InputOutOfMemory, problem.description +
                                               ". Paste one entity's metadata rather than the whole aggregate.");
      return;
  }
}

}  // namespace sso

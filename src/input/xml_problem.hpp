// An XML parse problem as the finding the admin reads: the XML layer says what and where, this
// says it in the Report's words (xml.malformed, xml.doctype, …).
#pragma once

#include "report/findings.hpp"
#include "xml/document.hpp"

namespace sso {

void report_xml_problem(const XmlParseResult& problem, Findings& findings);

}  // namespace sso

// The rehearsal must take the paths a real aggregate takes: if its synthetic metadata stopped
// being read as metadata (malformed, or its certificate unreadable), warming up would only
// exercise the error path and leave the browser's slow code in place for the real paste.
#include <doctest/doctest.h>

#include "analyze.hpp"
#include "warm_up.hpp"

TEST_CASE("the warm-up aggregate is read as a whole aggregate of IdPs with readable certificates") {
  for (const std::size_t size : {std::size_t{1}, std::size_t{200}}) {
    CAPTURE(size);
    const sso::Report report = sso::analyze(sso::warm_up_metadata(size), sso::Options{});
    CHECK(report.kind == sso::InputKind::Metadata);
    REQUIRE(report.entities.size() == size);
    for (const auto& e : report.entities) {
      CHECK(e.saml2);
      CHECK(e.signingSha256.has_value());
    }
    REQUIRE(report.idp.has_value());
    CHECK(report.idp->signingCertificates.size() == 1);
    CHECK_FALSE(report.findings.has(sso::Code::XmlMalformed));
    CHECK_FALSE(report.findings.has(sso::Code::CertInvalid));
    sso::warm_up(size);  // and the rehearsal itself runs to its end
  }
}

#include "warm_up.hpp"

#include "analyze.hpp"
#include "report/json.hpp"

namespace sso {
namespace {
constexpr const char* kCertificate =
    "MIIDAjCCAeqgAwIBAgIBATANBgkqhkiG9w0BAQsFADAaMRgwFgYDVQQDDA93YXJtLXVwLmludmFsaWQwHhcNMjYxMjAyMDkxODU0WhcNMjYxMjAzMDkxODU0WjAaMRgwFgYDVQQDDA93YXJtLXVwLmludmFsaWQwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDNR7mm/cML3l9jwnxvVITYprH7QZSFf3Rlzkp5CpoTX8fvSANr09Mw6FrtkQXik7oJ/zK7Sslj5YURnl1+T7BFnRewjkZTVTipvagH68N0mYDP1lJzuUK4USd5Jn7lAWluCmlPyIwAo7h+1klFWPzhgNdwnpZxjVAf50vj/90TXqLzJrtcqb686LHp60LcdIZSnExWxKdeGcVnGE8LhRQN7NzfEWNhWczig3VgpnuPtWFKZkaEj8EQwtywtaZE4s4ScW9D/4/5o14lZBzrSkFbuXnFK28mLzkShirV5/hLtFeyx9r1UOLet3V5hewVY9nLFHodd4Ih2TPl3A5baPJtAgMBAAGjUzBRMB0GA1UdDgQWBBTZp6bt9tWW+XPpRnMB+QEbtpNQ4zAfBgNVHSMEGDAWgBTZp6bt9tWW+XPpRnMB+QEbtpNQ4zAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3DQEBCwUAA4IBAQBobm4K90b0pIanLMAUqXyLXtZSf5WxwiM1pWgQRDfvl8pLKzI47sxrsGg/Y0KuuNxirWEXnbxrzM26wgxdT6pMJLlnF0pPqCYEVqI97l0Fs6nlpXiHVMDEk/IWXn8DgGq9UFJar40XZBk5GptNxpTT2W78z+1ru48DqApsjVACb1Irv3TNgBLAQ/9AuEigjdLkOUho7w+0WsnOd8Zoh5XJBaBUErbwAbROActajXHiDNKSzYlBPxrLCfmKBTbn86Qbhvk3l4F3sYQVo20TaoxyDnhry0ZRMwdN6zFpYfeABJ6DIRjfDMbrGUfA7cvTcPh5ooU3tfW/5rDd6pNRcfSX";
}  // namespace

std::string warm_up_metadata(std::size_t entities) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
      "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:mdui=\"urn:oasis:names:tc:SAML:metadata:ui\">\n";
  for (std::size_t i = 0; i < entities; ++i) {
    const std::string id = "https://idp" + std::to_string(i) + ".warm-up.invalid/saml";
    xml += "<md:EntityDescriptor entityID=\"" + id + "\"><md:IDPSSODescriptor "
           "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"><md:Extensions><mdui:UIInfo>"
           "<mdui:DisplayName xml:lang=\"en\">Warm-up IdP " + std::to_string(i) + " &amp; co</mdui:DisplayName>"
           "</mdui:UIInfo></md:Extensions><md:KeyDescriptor use=\"signing\"><ds:KeyInfo><ds:X509Data>"
           "<ds:X509Certificate>\n";
    xml += kCertificate;
    xml += "\n</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>"
           "<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>"
           "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"" + id +
           "/sso\"/></md:IDPSSODescriptor></md:EntityDescriptor>\n";
  }
  xml += "</md:EntitiesDescriptor>\n";
  return xml;
}

void warm_up(std::size_t entities) {
  std::string xml = warm_up_metadata(entities);
  (void)report_json(analyze_in_place(xml.data(), xml.size(), Options{}), -1);
}
}  // namespace sso

# Peer: ruby-saml's IdpMetadataParser#parse_to_array reads every IdP of the document with its
# signing certificate fingerprints. Usage: ruby ruby_saml_list.rb FILE
require 'ruby-saml'
xml = File.read(ARGV[0])
idps = OneLogin::RubySaml::IdpMetadataParser.new.parse_to_array(xml)
puts idps.length

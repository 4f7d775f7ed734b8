#include "support/digest.hpp"

#include <doctest/doctest.h>

using namespace wtool;

TEST_CASE("digests") {
    CHECK(digest::hex(digest::sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(digest::hex(digest::sha256("abc")) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(digest::hex(digest::sha256("")) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_CASE("name-based UUIDs agree with RFC 4122 and Python's uuid.uuid5") {
    // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org") in Python's documentation.
    const digest::Uuid dns = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                              0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    CHECK(digest::uuid_v5(dns, "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    const std::string a = digest::uuid_v5(digest::uuid_namespace_url, "example.org#season-1");
    CHECK(a.size() == 36);
    CHECK(a[14] == '5');
    CHECK(a == digest::uuid_v5(digest::uuid_namespace_url, "example.org#season-1"));
    CHECK(a != digest::uuid_v5(digest::uuid_namespace_url, "example.org#season-2"));
}

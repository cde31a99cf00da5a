// SPDX-License-Identifier: GPL-3.0-or-later
// One libFuzzer entry point, compiled once per target with TRACEDELTA_FUZZ_TARGET set to its name.
#include "fuzzexercise.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const tracedelta::fuzz::Target target = [] {
        tracedelta::fuzz::Target t{};
        if (!tracedelta::fuzz::targetFromName(TRACEDELTA_FUZZ_TARGET, t))
            std::abort();
        return t;
    }();
    tracedelta::fuzz::exercise(target, std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}

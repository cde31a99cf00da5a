// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

// The code paths each fuzz target drives, shared with tst_fuzzregressions so that every input
// a fuzzer found replays through exactly the same calls in the normal test suite.
namespace tracedelta::fuzz {

// Protobuf: binary OTLP files and bodies; Http: the receiver's request parser, then each
// body as an OTLP/HTTP request.
enum class Target { Jaeger, Zipkin, Otlp, Chrome, Sniffer, Workspace, Compare, Protobuf, Http, Perfetto };

// Runs one input through a target: import (with the shape the sniffer finds, or the
// format's default shape), then every analysis a loaded trace goes through in the app.
void exercise(Target target, std::string_view input);

// "jaeger", "zipkin", … ; false for an unknown name.
bool targetFromName(std::string_view name, Target& target);

// What separates the baseline from the target in a Compare input.
inline constexpr std::string_view CompareSeparator = "\n--8<--\n";

} // namespace tracedelta::fuzz

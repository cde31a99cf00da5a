// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "../model/trace.h"

namespace tracedelta {

// How much two traces have in common, to tell runs of one request apart from traces that
// have nothing to do with each other (a PyTorch profile against a Zipkin trace): ranking
// causes between unrelated traces would only restate that they differ.
struct Relatedness
{
    bool sharedRoot = false;     // the main roots have the same service and operation
    int sharedOperations = 0;    // distinct (service, operation) pairs found in both
    int firstOperations = 0;     // distinct pairs in the first trace
    int secondOperations = 0;    // … and in the second
    // Shared operations as a share of the smaller trace's operations (0–1).
    double overlap() const;
    // No shared root and under a fifth of the operations in common.
    bool unrelated() const;
};

Relatedness relatedness(const Trace& first, const Trace& second);

} // namespace tracedelta

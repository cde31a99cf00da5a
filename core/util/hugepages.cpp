// SPDX-License-Identifier: GPL-3.0-or-later
// Large blocks on transparent huge pages.
//
// A load of a million spans touches a few hundred MiB of fresh memory (the reader's slices,
// the builder's columns, the model), and on a virtual machine every first touch of a 4 KiB
// page is a trap to the hypervisor: measured on a 1M-slice Perfetto trace, page faults were
// two thirds of the load (1.4 s; 0.5 s with huge pages, the same peak RSS). Linux gives huge
// pages only where asked (transparent_hugepage=madvise, Debian's default), so the
// program's allocation functions ask for blocks of 4 MiB and more: each such block is
// malloc's, as before, and its whole 2 MiB pages are advised MADV_HUGEPAGE. Small blocks are
// untouched. Not built with sanitizers: they bring their own allocation functions.
#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

#if !defined(TRACEDELTA_SANITIZED)

namespace {

constexpr std::uintptr_t HugePageBytes = std::uintptr_t(2) << 20;
constexpr std::size_t AdviseFromBytes = 2 * HugePageBytes;

void adviseHugePages(void* block, std::size_t size)
{
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    const std::uintptr_t first = (start + HugePageBytes - 1) & ~(HugePageBytes - 1);
    const std::uintptr_t last = (start + size) & ~(HugePageBytes - 1);
    if (last > first)
        madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE); // advice only: a refusal changes nothing
}

// As the standard's operator new: malloc, the new-handler while it fails; null when there is none.
void* allocate(std::size_t size)
{
    if (size == 0)
        size = 1;
    for (;;) {
        if (void* block = std::malloc(size)) {
            if (size >= AdviseFromBytes)
                adviseHugePages(block, size);
            return block;
        }
        const std::new_handler handler = std::get_new_handler();
        if (!handler)
            return nullptr;
        handler();
    }
}

void* allocateOrThrow(std::size_t size)
{
    if (void* block = allocate(size))
        return block;
    throw std::bad_alloc();
}

void* allocateOrNull(std::size_t size) noexcept
{
    try {
        return allocate(size);
    } catch (...) {
        return nullptr;
    }
}

} // namespace

void* operator new(std::size_t size)
{
    return allocateOrThrow(size);
}

void* operator new[](std::size_t size)
{
    return allocateOrThrow(size);
}

void* operator new(std::size_t size, const std::nothrow_t&) noexcept
{
    return allocateOrNull(size);
}

void* operator new[](std::size_t size, const std::nothrow_t&) noexcept
{
    return allocateOrNull(size);
}

void operator delete(void* block) noexcept
{
    std::free(block);
}

void operator delete[](void* block) noexcept
{
    std::free(block);
}

void operator delete(void* block, std::size_t) noexcept
{
    std::free(block);
}

void operator delete[](void* block, std::size_t) noexcept
{
    std::free(block);
}

void operator delete(void* block, const std::nothrow_t&) noexcept
{
    std::free(block);
}

void operator delete[](void* block, const std::nothrow_t&) noexcept
{
    std::free(block);
}

#endif

// libFuzzer entry point for one target, chosen at build time by GW_FUZZ_TARGET (its name).

#include "fuzz_targets.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
gw::fuzz::TargetFunction g_run = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const gw::fuzz::Target *target = gw::fuzz::findTarget(QStringLiteral(GW_FUZZ_TARGET));
    if (!target) {
        std::fprintf(stderr, "unknown fuzz target %s\n", GW_FUZZ_TARGET);
        std::abort();
    }
    g_run = target->run;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    g_run(QByteArrayView(data, qsizetype(size)));
    return 0;
}

#pragma once
// Per-gateway values and names, in one place: every table, chart and counter that keeps one value
// for each gateway indexes it the same way and labels it with the same brand name.

#include "config/config.h"

#include <QString>

#include <array>

namespace gw {

inline constexpr std::array<Gateway, 2> kGateways{Gateway::OpenRouter, Gateway::Vercel};

// 0 for OpenRouter, 1 for Vercel: the order of kGateways and of every PerGateway.
constexpr int gatewayIndex(Gateway g)
{
    return g == Gateway::Vercel ? 1 : 0;
}

// "OpenRouter" | "Vercel": brand names, the same in every language (never translated).
inline QString gatewayDisplayName(Gateway g)
{
    return g == Gateway::Vercel ? QStringLiteral("Vercel") : QStringLiteral("OpenRouter");
}

// One T for each gateway, indexed by the gateway itself (no `? 1 : 0` at the call sites).
template <typename T>
struct PerGateway {
    std::array<T, 2> values{};

    constexpr T &operator[](Gateway g) { return values[static_cast<size_t>(gatewayIndex(g))]; }
    constexpr const T &operator[](Gateway g) const { return values[static_cast<size_t>(gatewayIndex(g))]; }
    constexpr T &operator[](int index) { return values[static_cast<size_t>(index)]; }
    constexpr const T &operator[](int index) const { return values[static_cast<size_t>(index)]; }
    constexpr auto begin() { return values.begin(); }
    constexpr auto end() { return values.end(); }
    constexpr auto begin() const { return values.begin(); }
    constexpr auto end() const { return values.end(); }
};

} // namespace gw

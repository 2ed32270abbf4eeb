#pragma once
// What an operator checks before moving a model's traffic: is the Vercel side of a mapping as
// capable and how does it price, from both catalogs.

#include "catalog/catalog.h"

#include <QStringList>

#include <optional>

namespace gw {

struct ModelParity {
    bool hasVercel = false;
    std::optional<double> openrouterInPerM, openrouterOutPerM; // USD per million tokens
    std::optional<double> vercelInPerM, vercelOutPerM;
    std::optional<double> inDiffPercent, outDiffPercent; // (Vercel - OpenRouter) / OpenRouter
    qint64 openrouterContext = 0, vercelContext = 0;     // 0: unknown
    bool openrouterReasoning = false, vercelReasoning = false;
    bool openrouterTools = false, vercelTools = false;
    QStringList weaker; // why the Vercel side is weaker; empty when it is not
};

// A Vercel context counts as weaker only below this share of OpenRouter's: catalogs write the same
// window as 256,000 on one side and 262,144 (256 Ki) on the other, which is no real difference.
inline constexpr double kWeakerContextRatio = 0.95;

// `vercel` is the mapped Vercel model, or null when the model has no Vercel side.
ModelParity compareParity(const CatalogModel &openrouter, const CatalogModel *vercel);

} // namespace gw

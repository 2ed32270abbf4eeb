#include "catalog/model_parity.h"

namespace gw {
namespace {

std::optional<double> perMillion(const CatalogModel &m, double perToken)
{
    if (!m.hasPricing)
        return std::nullopt;
    return perToken * 1e6;
}

std::optional<double> diffPercent(std::optional<double> openrouter, std::optional<double> vercel)
{
    if (!openrouter || !vercel || *openrouter <= 0)
        return std::nullopt;
    return (*vercel - *openrouter) / *openrouter * 100.0;
}

// One unit style for context sizes: thousands of tokens, rounded ("262k" for 262,144 and "256k"
// for 256,000), so two catalogs' ways of writing a size read alike; small sizes stay exact.
QString tokens(qint64 n)
{
    return n >= 10000 ? QString::number(qRound64(double(n) / 1000.0)) + u'k' : QString::number(n);
}

} // namespace

ModelParity compareParity(const CatalogModel &openrouter, const CatalogModel *vercel)
{
    ModelParity p;
    p.openrouterInPerM = perMillion(openrouter, openrouter.pricePromptPerToken);
    p.openrouterOutPerM = perMillion(openrouter, openrouter.priceCompletionPerToken);
    p.openrouterContext = openrouter.contextLength;
    p.openrouterReasoning = openrouter.reasoning;
    p.openrouterTools = openrouter.tools;
    if (!vercel)
        return p;
    p.hasVercel = true;
    p.vercelInPerM = perMillion(*vercel, vercel->pricePromptPerToken);
    p.vercelOutPerM = perMillion(*vercel, vercel->priceCompletionPerToken);
    p.inDiffPercent = diffPercent(p.openrouterInPerM, p.vercelInPerM);
    p.outDiffPercent = diffPercent(p.openrouterOutPerM, p.vercelOutPerM);
    p.vercelContext = vercel->contextLength;
    p.vercelReasoning = vercel->reasoning;
    p.vercelTools = vercel->tools;
    // Only what the catalogs state: an unknown context on either side is no evidence.
    if (p.openrouterContext > 0 && p.vercelContext > 0
        && double(p.vercelContext) < kWeakerContextRatio * double(p.openrouterContext))
        p.weaker << u"smaller context (%1 < %2)"_qs.arg(tokens(p.vercelContext), tokens(p.openrouterContext));
    if (p.openrouterReasoning && !p.vercelReasoning)
        p.weaker << u"no reasoning"_qs;
    if (p.openrouterTools && !p.vercelTools)
        p.weaker << u"no tool use"_qs;
    return p;
}

} // namespace gw

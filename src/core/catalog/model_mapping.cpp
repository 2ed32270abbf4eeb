#include "catalog/model_mapping.h"

#include <QRegularExpression>

#include <algorithm>

namespace gw {
namespace {

// Vendor prefixes that differ between the catalogs (OpenRouter -> Vercel candidates).
const QList<std::pair<QString, QStringList>> &vendorPrefixes()
{
    static const QList<std::pair<QString, QStringList>> table{
        {u"x-ai"_qs, {u"xai"_qs, u"spacexai"_qs}},
        {u"z-ai"_qs, {u"zai"_qs}},
        {u"mistralai"_qs, {u"mistral"_qs}},
        {u"meta-llama"_qs, {u"meta"_qs}},
        {u"qwen"_qs, {u"alibaba"_qs}},
        {u"bytedance-seed"_qs, {u"bytedance"_qs}},
    };
    return table;
}

// Renames documented between the two catalogs, where no rule derives one id from the other.
const QHash<QString, QString> &knownRenames()
{
    static const QHash<QString, QString> table{
        {u"mistralai/devstral-2512"_qs, u"mistral/devstral-2"_qs},
        {u"mistralai/codestral-2508"_qs, u"mistral/codestral"_qs},
        {u"google/gemini-3-flash-preview"_qs, u"google/gemini-3-flash"_qs},
        {u"x-ai/grok-4.1-fast"_qs, u"xai/grok-4.1-fast-reasoning"_qs},
    };
    return table;
}

const QStringList kVariantSuffixes{u":free"_qs,   u":nitro"_qs,    u":floor"_qs,    u":online"_qs,
                                   u":exacto"_qs, u":thinking"_qs, u":extended"_qs, u":beta"_qs};

QString vendorOf(const QString &id)
{
    return id.section(u'/', 0, 0);
}
QString slugOf(const QString &id)
{
    return id.section(u'/', 1);
}

QStringList vercelVendorsFor(const QString &openrouterVendor)
{
    for (const auto &[from, to] : vendorPrefixes())
        if (from == openrouterVendor)
            return to;
    return {openrouterVendor};
}

// Parts of a slug that name a release rather than a model: dates, "-instruct", "-preview".
const QRegularExpression &slugNoise()
{
    static const QRegularExpression noise(
        u"(-instruct|-preview|-latest|-\\d{4}-\\d{2}-\\d{2}|-\\d{4}|-\\d{2}-\\d{4})(?=-|\\z)"_qs);
    return noise;
}

QStringList slugNoiseParts(const QString &slug)
{
    QStringList parts;
    for (auto it = slugNoise().globalMatch(slug); it.hasNext();)
        parts << it.next().captured(1);
    return parts;
}

// "llama-3.1-70b-instruct" and "llama-3.1-70b" compare equal; so do "qwen3-14b" and "qwen-3-14b".
QString normalizedSlug(QString slug)
{
    slug.replace(slugNoise(), QString());
    QString out;
    for (QChar c : slug)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

// "Anthropic: Claude Sonnet 4.5" and "Claude Sonnet 4.5" compare equal.
QString normalizedName(const QString &name)
{
    const qsizetype colon = name.indexOf(u": "_qs);
    const QString bare = colon >= 0 ? name.mid(colon + 2) : name;
    QString out;
    for (QChar c : bare)
        if (c.isLetterOrNumber())
            out += c.toLower();
    return out;
}

struct VercelIndex {
    const Catalog &catalog;
    QMultiHash<QString, QString> bySlug; // vendor + "/" + normalized slug -> id
    QMultiHash<QString, QString> byName; // vendor + "/" + normalized name -> id

    explicit VercelIndex(const Catalog &c) : catalog(c)
    {
        for (const CatalogModel &m : c.models) {
            bySlug.insert(vendorOf(m.id) + u'/' + normalizedSlug(slugOf(m.id)), m.id);
            if (!m.name.isEmpty())
                byName.insert(vendorOf(m.id) + u'/' + normalizedName(m.name), m.id);
        }
    }
    bool has(const QString &id) const { return catalog.index.contains(id); }
};

MappingProposal propose(const CatalogModel &model, const VercelIndex &vercel)
{
    MappingProposal p;
    p.openrouterId = model.id;
    auto found = [&](const QString &id, MappingMethod method, double confidence, const QString &evidence) {
        p.vercelId = id;
        p.method = method;
        p.confidence = confidence;
        p.evidence = evidence;
        return p;
    };

    if (vercel.has(model.id))
        return found(model.id, MappingMethod::ExactId, 1.0, u"the same id is in both catalogs"_qs);

    QString base = model.id;
    QString variant;
    for (const QString &suffix : kVariantSuffixes) {
        if (base.endsWith(suffix)) {
            variant = suffix;
            base.chop(suffix.size());
            break;
        }
    }
    const double variantPenalty = variant.isEmpty() ? 0.0 : 0.05;
    const QString variantNote = variant.isEmpty() ? QString() : u" (OpenRouter's %1 variant)"_qs.arg(variant);
    if (!variant.isEmpty() && vercel.has(base))
        return found(base, MappingMethod::VariantSuffix, 0.95,
                     u"%1 is an OpenRouter-only variant of %2, which Vercel lists"_qs.arg(variant, base));

    if (const QString renamed = knownRenames().value(base); !renamed.isEmpty() && vercel.has(renamed))
        return found(renamed, MappingMethod::KnownRename, 0.95 - variantPenalty,
                     u"documented rename %1 -> %2"_qs.arg(base, renamed) + variantNote);

    const QString vendor = vendorOf(base);
    const QString slug = slugOf(base);
    const QStringList vendors = vercelVendorsFor(vendor);
    for (const QString &v : vendors) {
        const QString candidate = v + u'/' + slug;
        if (v != vendor && vercel.has(candidate))
            return found(candidate, MappingMethod::VendorPrefix, 0.9 - variantPenalty,
                         u"vendor prefix %1/ is %2/ on Vercel"_qs.arg(vendor, v) + variantNote);
    }
    for (const QString &v : vendors) {
        const QStringList ids = vercel.bySlug.values(v + u'/' + normalizedSlug(slug));
        if (ids.size() == 1) {
            // Say exactly what was set aside; a dropped date means a pinned snapshot maps to an
            // alias that may already serve a newer one.
            QStringList dropped = slugNoiseParts(slug);
            for (const QString &part : slugNoiseParts(slugOf(ids.first())))
                dropped.removeOne(part);
            const bool date =
                std::any_of(dropped.cbegin(), dropped.cend(), [](const QString &d) { return d.at(1).isDigit(); });
            QString evidence = dropped.isEmpty() ? u"same id but for punctuation"_qs
                                                 : u"same id without \"%1\""_qs.arg(dropped.join(u"\", \""_qs));
            if (date)
                evidence += u"; the Vercel id names no snapshot and may serve a newer one"_qs;
            return found(ids.first(), MappingMethod::NormalizedId, (date ? 0.6 : 0.75) - variantPenalty,
                         evidence + variantNote);
        }
        if (ids.size() > 1) {
            p.evidence = u"ambiguous: %1"_qs.arg(ids.join(u", "_qs));
            return p;
        }
    }
    for (const QString &v : vendors) {
        const QString candidate = v + u'/' + slug + u"-reasoning"_qs;
        if (vercel.has(candidate))
            return found(candidate, MappingMethod::ReasoningVariant, 0.7 - variantPenalty,
                         u"Vercel lists reasoning and non-reasoning variants; OpenRouter's id reasons by default"_qs
                             + variantNote);
    }
    if (!model.name.isEmpty()) {
        for (const QString &v : vendors) {
            const QStringList ids = vercel.byName.values(v + u'/' + normalizedName(model.name));
            if (ids.size() == 1)
                return found(ids.first(), MappingMethod::DisplayName, 0.6 - variantPenalty,
                             u"same display name \"%1\" under the same vendor"_qs.arg(model.name) + variantNote);
        }
    }
    p.evidence = u"no candidate in the Vercel catalog"_qs;
    return p;
}

} // namespace

QString mappingMethodName(MappingMethod m)
{
    switch (m) {
    case MappingMethod::ExactId: return u"exact_id"_qs;
    case MappingMethod::VariantSuffix: return u"variant_suffix"_qs;
    case MappingMethod::KnownRename: return u"known_rename"_qs;
    case MappingMethod::VendorPrefix: return u"vendor_prefix"_qs;
    case MappingMethod::NormalizedId: return u"normalized_id"_qs;
    case MappingMethod::ReasoningVariant: return u"reasoning_variant"_qs;
    case MappingMethod::DisplayName: return u"display_name"_qs;
    case MappingMethod::None: return u"none"_qs;
    }
    return QString();
}

QString configMappingStateName(ConfigMappingState s)
{
    switch (s) {
    case ConfigMappingState::Unconfirmed: return u"unconfirmed"_qs;
    case ConfigMappingState::Confirmed: return u"confirmed"_qs;
    case ConfigMappingState::Overridden: return u"overridden"_qs;
    case ConfigMappingState::NotOnVercel: return u"not_on_vercel"_qs;
    }
    return QString();
}

QList<MappingProposal> proposeMappings(const Catalog &openrouter, const Catalog &vercel, const RoutingConfig *config)
{
    const VercelIndex index(vercel);
    QList<MappingProposal> out;
    out.reserve(openrouter.models.size());
    for (const CatalogModel &m : openrouter.models) {
        MappingProposal p = propose(m, index);
        if (config) {
            const auto it = config->models.constFind(m.id);
            if (it != config->models.cend()) {
                p.configVercelId = it->vercel;
                p.configState = !it->vercel                ? ConfigMappingState::NotOnVercel
                                : it->vercel == p.vercelId ? ConfigMappingState::Confirmed
                                                           : ConfigMappingState::Overridden;
            }
        }
        out.append(p);
    }
    return out;
}

QJsonObject mappingProposalToJson(const MappingProposal &p)
{
    QJsonObject o{{u"openrouter_id"_qs, p.openrouterId},
                  {u"vercel_id"_qs, p.vercelId ? QJsonValue(*p.vercelId) : QJsonValue(QJsonValue::Null)},
                  {u"method"_qs, mappingMethodName(p.method)},
                  {u"confidence"_qs, p.confidence},
                  {u"evidence"_qs, p.evidence},
                  {u"config"_qs, configMappingStateName(p.configState)}};
    if (p.configState != ConfigMappingState::Unconfirmed)
        o.insert(u"config_vercel_id"_qs,
                 p.configVercelId ? QJsonValue(*p.configVercelId) : QJsonValue(QJsonValue::Null));
    return o;
}

} // namespace gw

#include "models/mapping_table_model.h"
#include "common/number_format.h"

#include <QColor>
#include <QFont>

namespace gw::app {

MappingTableModel::MappingTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void MappingTableModel::setProposals(const QList<gw::MappingProposal> &proposals, const QList<gw::ModelParity> &parity,
                                     const QList<SyncChange> &changes)
{
    beginResetModel();
    m_rows = proposals;
    m_parity = parity.size() == proposals.size() ? parity : QList<gw::ModelParity>();
    m_changes = changes.size() == proposals.size() ? changes : QList<SyncChange>();
    endResetModel();
}

QString MappingTableModel::changeText(const SyncChange &change)
{
    const auto words = [](gw::CatalogChanges changes) {
        QStringList parts;
        if (changes & gw::CatalogAdded)
            parts << tr("new");
        if (changes & gw::CatalogRemoved)
            parts << tr("removed");
        if (changes & gw::CatalogPriceChanged)
            parts << tr("price");
        if (changes & gw::CatalogContextChanged)
            parts << tr("context");
        if (changes & gw::CatalogCapabilityChanged)
            parts << tr("capabilities");
        return parts.join(QStringLiteral(", "));
    };
    QStringList sides;
    if (change.openrouter)
        sides << tr("OpenRouter: %1").arg(words(change.openrouter));
    if (change.vercel)
        sides << tr("Vercel: %1").arg(words(change.vercel));
    return sides.isEmpty() ? QStringLiteral("–") : sides.join(QStringLiteral("; "));
}

namespace {

QString price(std::optional<double> in, std::optional<double> out)
{
    if (!in || !out)
        return QStringLiteral("–");
    return formatUsd(*in) + QStringLiteral(" / ") + formatUsd(*out);
}

QString percent(std::optional<double> value)
{
    if (!value)
        return QStringLiteral("–");
    return formatSignedPercent(*value);
}

QString contextText(qint64 n)
{
    if (n <= 0)
        return QStringLiteral("?");
    return n >= 1000 ? QString::number(n / 1000) + QLatin1Char('k') : QString::number(n);
}

} // namespace

QVariant MappingTableModel::parityData(const gw::ModelParity &p, int column, int role) const
{
    if (role == Qt::ForegroundRole && column == Parity && !p.weaker.isEmpty())
        return QColor(Qt::darkRed);
    if (role == SortRole) {
        switch (column) {
        case PriceOpenRouter: return p.openrouterInPerM.value_or(-1);
        case PriceVercel: return p.vercelInPerM.value_or(-1);
        case PriceDifference: return p.inDiffPercent.value_or(0);
        case Context: return double(p.vercelContext) - double(p.openrouterContext);
        case Parity: return int(p.weaker.size());
        default: break;
        }
    }
    if (role == Qt::ToolTipRole && column == PriceOpenRouter)
        return tr("OpenRouter price per million tokens, input / output");
    if (role == Qt::ToolTipRole && column == PriceVercel)
        return tr("Vercel price per million tokens, input / output");
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    const auto capabilities = [](bool reasoning, bool tools) {
        QStringList parts;
        if (reasoning)
            parts << tr("reasoning");
        if (tools)
            parts << tr("tools");
        return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(", "));
    };
    switch (column) {
    case PriceOpenRouter: return price(p.openrouterInPerM, p.openrouterOutPerM);
    case PriceVercel: return p.hasVercel ? price(p.vercelInPerM, p.vercelOutPerM) : QStringLiteral("–");
    case PriceDifference:
        return p.hasVercel ? percent(p.inDiffPercent) + QStringLiteral(" / ") + percent(p.outDiffPercent)
                           : QStringLiteral("–");
    case Context:
        return p.hasVercel ? contextText(p.openrouterContext) + QStringLiteral(" / ") + contextText(p.vercelContext)
                           : contextText(p.openrouterContext);
    case Capabilities:
        return p.hasVercel ? capabilities(p.openrouterReasoning, p.openrouterTools) + QStringLiteral(" | ")
                                 + capabilities(p.vercelReasoning, p.vercelTools)
                           : capabilities(p.openrouterReasoning, p.openrouterTools);
    case Parity:
        if (!p.hasVercel)
            return QStringLiteral("–");
        return p.weaker.isEmpty() ? tr("as capable") : tr("Vercel weaker: %1").arg(p.weaker.join(QStringLiteral(", ")));
    default: return {};
    }
}

int MappingTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MappingTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MappingTableModel::stateText(const gw::MappingProposal &p)
{
    switch (p.configState) {
    case gw::ConfigMappingState::Confirmed: return tr("confirmed");
    case gw::ConfigMappingState::Overridden: return tr("config says %1").arg(p.configVercelId.value_or(QString()));
    case gw::ConfigMappingState::NotOnVercel: return tr("not on Vercel");
    case gw::ConfigMappingState::Unconfirmed: break;
    }
    return tr("not in config");
}

QVariant MappingTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const gw::MappingProposal &p = m_rows.at(index.row());
    if (role == StateRole)
        return int(p.configState);
    if (role == WeakerRole)
        return index.row() < m_parity.size() && !m_parity.at(index.row()).weaker.isEmpty();
    const SyncChange change = index.row() < m_changes.size() ? m_changes.at(index.row()) : SyncChange();
    if (role == ChangedRole)
        return change.any();
    if (role == Qt::FontRole && index.column() == OpenRouterId && change.any()) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && index.column() == SinceSync && change.any())
        return QColor(Qt::darkBlue);
    if (role == Qt::ForegroundRole && index.column() == InConfig
        && p.configState == gw::ConfigMappingState::Unconfirmed)
        return QColor(Qt::darkRed);
    if (role == Qt::FontRole && index.column() == VercelId && !p.vercelId) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (index.column() >= PriceOpenRouter && index.column() <= Parity)
        return index.row() < m_parity.size() ? parityData(m_parity.at(index.row()), index.column(), role) : QVariant();
    if (role == SortRole && index.column() == Confidence)
        return p.confidence;
    if (role == Qt::ToolTipRole && index.column() == Evidence)
        return p.evidence;
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case OpenRouterId: return p.openrouterId;
    case VercelId: return p.vercelId.value_or(QStringLiteral("–"));
    case Method: return gw::mappingMethodName(p.method);
    case Confidence: return formatDecimal(p.confidence, 2);
    case InConfig: return stateText(p);
    case SinceSync:
        return role == SortRole ? QVariant(int(change.openrouter | change.vercel)) : QVariant(changeText(change));
    case Evidence: return p.evidence;
    default: return {};
    }
}

QVariant MappingTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // The OpenRouter id is also the row header: a header stays put while the columns scroll
    // horizontally, so the row is always named (the page hides the id column itself).
    if (orientation == Qt::Vertical && section >= 0 && section < m_rows.size()) {
        if (role == Qt::DisplayRole)
            return m_rows.at(section).openrouterId;
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return {};
    }
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return {};
    switch (section) {
    case OpenRouterId: return tr("OpenRouter model");
    case VercelId: return tr("Proposed Vercel model");
    case Method: return tr("Method");
    case Confidence: return tr("Confidence");
    case InConfig: return tr("In the config");
    case SinceSync: return tr("Since last sync");
    case PriceOpenRouter: return tr("OpenRouter $/M in / out");
    case PriceVercel: return tr("Vercel $/M in / out");
    case PriceDifference: return tr("Vercel price difference");
    case Context: return tr("Context");
    case Capabilities: return tr("Capabilities");
    case Parity: return tr("Parity");
    case Evidence: return tr("Evidence");
    default: return {};
    }
}

} // namespace gw::app

#pragma once
// A page that is not built yet: says what will be there.

#include <QWidget>

#include <memory>

namespace Ui { class PlaceholderPage; }

namespace gwapp {

class PlaceholderPage : public QWidget {
    Q_OBJECT
public:
    PlaceholderPage(const QString &title, const QString &description, QWidget *parent = nullptr);
    ~PlaceholderPage() override;

private:
    std::unique_ptr<Ui::PlaceholderPage> ui;
};

} // namespace gwapp

<#-- Что говорит каждое уведомление (тема, сообщение и строка подробностей), общее для текстового и HTML-письма. -->
<#switch type>
<#case "marker.ready">
<#assign subject = "Маркер готов: ${title}">
<#assign message = "Маркер «${title}» собран и готов к печати.">
<#assign detail = (verdict?has_content)?then("Качество: ${verdict} (оценка ${score}).", "")>
<#break>
<#case "marker.failed">
<#assign subject = "Маркер не собран: ${title}">
<#assign message = "Маркер «${title}» собрать не удалось: ${failure}">
<#assign detail = (reasons?has_content)?then("Оценка: ${verdict}. Причины: ${reasons}", (verdict?has_content)?then("Оценка: ${verdict}.", ""))>
<#break>
<#case "generation.finished">
<#assign subject = "Генерация завершена: ${completed} из ${total} моделей">
<#assign message = "Задание генерации завершено (${status}): готово моделей — ${completed}, с ошибкой — ${failed}, отменено — ${cancelled}.">
<#assign detail = "">
<#break>
<#case "ar_content.expiring">
<#assign subject = "Скоро истекает: ${title}">
<#assign message = "Срок «${title}» истекает ${expires_at}. После этого просмотрщик перестанет его показывать.">
<#assign detail = "Чтобы сохранить, задайте более поздний срок.">
<#break>
<#case "ar_content.expired">
<#assign subject = "Срок истёк: ${title}">
<#assign message = "Срок «${title}» истёк ${expires_at}: просмотрщик его больше не показывает.">
<#assign detail = "">
<#break>
<#case "quota.warning">
<#assign subject = "Квота ${quota}: использовано ${percent} %">
<#assign message = "Ваша организация использовала ${used} из ${limit} (${quota}) за ${period}.">
<#assign detail = "">
<#break>
<#case "quota.reached">
<#assign subject = "Квота ${quota} исчерпана">
<#assign message = "Ваша организация использовала все ${limit} (${quota}) за ${period}: новое отклоняется, пока квоту не увеличат или не закончится период.">
<#assign detail = "">
<#break>
<#case "api_key.created">
<#assign subject = "Создан API-ключ: ${name}">
<#assign message = "В вашей организации создан API-ключ «${name}».">
<#assign detail = "">
<#break>
<#case "api_key.revoked">
<#assign subject = "Отозван API-ключ: ${name}">
<#assign message = "API-ключ «${name}» отозван и больше не действует.">
<#assign detail = "">
<#break>
<#case "webhook.disabled">
<#assign subject = "Вебхук отключён: ${url}">
<#assign message = "Вебхук ${url} постоянно завершался ошибкой и был отключён.">
<#assign detail = "">
<#break>
<#default>
<#assign subject = "Уведомление ARV">
<#assign message = "В вашей организации произошло событие (${type}).">
<#assign detail = "">
</#switch>

<#-- What each notification says (subject, message, and the detail line if any), shared by the plain and HTML mail. -->
<#switch type>
<#case "marker.ready">
<#assign subject = "Marker ready: ${title}">
<#assign message = "The marker of “${title}” compiled and is ready to print.">
<#assign detail = (verdict?has_content)?then("Quality: ${verdict} (score ${score}).", "")>
<#break>
<#case "marker.failed">
<#assign subject = "Marker failed: ${title}">
<#assign message = "The marker of “${title}” could not be compiled: ${failure}">
<#assign detail = (reasons?has_content)?then("Verdict: ${verdict}. Reasons: ${reasons}", (verdict?has_content)?then("Verdict: ${verdict}.", ""))>
<#break>
<#case "generation.finished">
<#assign subject = "Generation finished: ${completed} of ${total} models">
<#assign message = "A generation job finished (${status}): ${completed} models made, ${failed} failed, ${cancelled} cancelled.">
<#assign detail = "">
<#break>
<#case "ar_content.expiring">
<#assign subject = "Expires soon: ${title}">
<#assign message = "“${title}” expires at ${expires_at}. After that the viewer no longer shows it.">
<#assign detail = "To keep it, set a later expiry date.">
<#break>
<#case "ar_content.expired">
<#assign subject = "Expired: ${title}">
<#assign message = "“${title}” expired at ${expires_at}: the viewer no longer shows it.">
<#assign detail = "">
<#break>
<#case "quota.warning">
<#assign subject = "Quota ${quota} at ${percent} %">
<#assign message = "Your organization has used ${used} of its ${limit} (${quota}) in ${period}.">
<#assign detail = "">
<#break>
<#case "quota.reached">
<#assign subject = "Quota ${quota} reached">
<#assign message = "Your organization has used all of its ${limit} (${quota}) in ${period}: more is refused until the quota grows or the period ends.">
<#assign detail = "">
<#break>
<#case "api_key.created">
<#assign subject = "API key created: ${name}">
<#assign message = "The API key “${name}” was created in your organization.">
<#assign detail = "">
<#break>
<#case "api_key.revoked">
<#assign subject = "API key revoked: ${name}">
<#assign message = "The API key “${name}” was revoked: it no longer works.">
<#assign detail = "">
<#break>
<#case "webhook.disabled">
<#assign subject = "Webhook disabled: ${url}">
<#assign message = "The webhook ${url} kept failing and was switched off.">
<#assign detail = "">
<#break>
<#default>
<#assign subject = "ARV notification">
<#assign message = "Something happened in your organization (${type}).">
<#assign detail = "">
</#switch>

; Callboard's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
;
; Windows lists an application as a handler for a link scheme only through registry "capabilities"
; (Default Apps, "Open with"); app.setAsDefaultProtocolClient writes a bare class that Windows 10 and
; 11 do not offer to the user. So the installer registers tel: and callto: here, and the app only
; reads back whether this registration is present (electron/main/desktop/tel-links.ts).
; SHCTX is HKLM for a per-machine install and HKCU for a per-user one, as electron-builder chose.

!macro callboardLinkClass SCHEME
  WriteRegStr SHCTX "Software\Classes\Callboard.${SCHEME}" "" "Callboard ${SCHEME}: link"
  WriteRegStr SHCTX "Software\Classes\Callboard.${SCHEME}" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\Callboard.${SCHEME}\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\Callboard.${SCHEME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  WriteRegStr SHCTX "Software\Callboard\Capabilities\URLAssociations" "${SCHEME}" "Callboard.${SCHEME}"
!macroend

!macro customInstall
  WriteRegStr SHCTX "Software\Callboard\Capabilities" "ApplicationName" "Callboard"
  WriteRegStr SHCTX "Software\Callboard\Capabilities" "ApplicationDescription" "Dial and queue contact-center tasks from phone number links."
  WriteRegStr SHCTX "Software\Callboard\Capabilities" "ApplicationIcon" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  !insertmacro callboardLinkClass "tel"
  !insertmacro callboardLinkClass "callto"
  WriteRegStr SHCTX "Software\RegisteredApplications" "Callboard" "Software\Callboard\Capabilities"
!macroend

!macro customUnInstall
  DeleteRegValue SHCTX "Software\RegisteredApplications" "Callboard"
  DeleteRegKey SHCTX "Software\Callboard\Capabilities"
  DeleteRegKey /ifempty SHCTX "Software\Callboard"
  DeleteRegKey SHCTX "Software\Classes\Callboard.tel"
  DeleteRegKey SHCTX "Software\Classes\Callboard.callto"
!macroend

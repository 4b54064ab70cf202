import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguageFont } from './fonts';
import { I18nProvider } from './i18n';
import { getLocale } from './locale';
import './styles.css';

// Arabic and Chinese faces first: no empty boxes while they load (fonts.ts).
void loadLanguageFont(getLocale().id).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <App />
      </I18nProvider>
    </StrictMode>,
  ),
);

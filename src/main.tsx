import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { boot } from './app/boot';
import { applyTheme, watchSystemTheme } from './app/theme';
import { PorticoProvider } from './state/context';
import './styles.css';

applyTheme();
watchSystemTheme();

const container = document.getElementById('root');
if (!container) throw new Error('Portico needs a #root element.');

void boot().then(({ store, storage }) => {
  createRoot(container).render(
    <StrictMode>
      <PorticoProvider store={store}>
        <App storage={storage} />
      </PorticoProvider>
    </StrictMode>,
  );
});
